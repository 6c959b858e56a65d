import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP_ERROR_STATUS, AppError } from "./app-error";
import { problemResponse } from "./problem-response";
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

  it("answers problem+json with the status from the one table", async () => {
    const response = problemResponse(new AppError("FORBIDDEN", "requires role admin"), "/api/x");
    expect(response.status).toBe(APP_ERROR_STATUS.FORBIDDEN);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 403, code: "FORBIDDEN", detail: "requires role admin" });
  });
});
