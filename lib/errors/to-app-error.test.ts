import { describe, expect, it } from "vitest";
import { z } from "zod";
import { snapshotInProgress, snapshotNotFound } from "../snapshot/snapshot-errors";
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

  it("maps a concurrent snapshot to CONFLICT (409) and an unknown one to NOT_FOUND, keeping the domain's reason", () => {
    const busy = toAppError(snapshotInProgress());
    expect(busy.status).toBe(409);
    expect(busy.details).toEqual({ reason: "SNAPSHOT_IN_PROGRESS" });
    expect(toAppError(snapshotNotFound(7)).status).toBe(404);
  });
});
