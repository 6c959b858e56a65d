import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./app-error";
import { toAppError } from "./to-app-error";

const prismaError = (code: string, meta?: object) =>
  Object.assign(new Error("prisma"), { name: "PrismaClientKnownRequestError", code, meta });

describe("error mapping", () => {
  it("maps Prisma unique violations to CONFLICT naming the fields", () => {
    const error = toAppError(prismaError("P2002", { target: ["username"] }));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ fields: ["username"] });
  });

  it("maps Prisma not-found to NOT_FOUND", () => {
    expect(toAppError(prismaError("P2025")).code).toBe("NOT_FOUND");
  });

  it("maps zod errors to BAD_REQUEST with the field names", () => {
    const parsed = z.object({ role: z.string() }).safeParse({});
    expect(parsed.success).toBe(false);
    const error = toAppError(parsed.error);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details).toEqual({ fields: ["role"] });
  });

  it("hides the message of unexpected errors", () => {
    const error = toAppError(new Error("connection string postgres://secret@db"));
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toBe("internal error");
  });

  it("maps a domain error to the AppError it declares, keeping the domain's reason", () => {
    const busy = toAppError(new DomainError("SNAPSHOT_IN_PROGRESS", "CONFLICT", "another snapshot is being taken"));
    expect(busy.status).toBe(409);
    expect(busy.details).toEqual({ reason: "SNAPSHOT_IN_PROGRESS" });
    expect(toAppError(new DomainError("SNAPSHOT_NOT_FOUND", "NOT_FOUND", "snapshot 7 does not exist")).status).toBe(404);
  });
});
