import { z } from "zod";
import { AppError, DomainError } from "./app-error";

type PrismaKnownError = { code: string; meta?: { target?: unknown; modelName?: unknown } };

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "PrismaClientKnownRequestError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/**
 * The one place unknown errors become AppErrors: domain errors by their declared code, Prisma's unique violation (P2002) and record-not-
 * found (P2025), zod validation errors, and anything else as INTERNAL (its message is not shown).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DomainError) return new AppError(error.appCode, error.message, { details: { reason: error.code }, cause: error });
  if (error instanceof z.ZodError) {
    return new AppError("BAD_REQUEST", z.prettifyError(error), {
      details: { fields: error.issues.map((issue) => issue.path.join(".") || "(root)") },
    });
  }
  if (isPrismaKnownError(error)) {
    if (error.code === "P2002") {
      const target = error.meta?.target;
      const fields = Array.isArray(target) ? target.map(String) : typeof target === "string" ? [target] : [];
      return new AppError("CONFLICT", fields.length ? `already exists: ${fields.join(", ")}` : "already exists", {
        details: { fields },
        cause: error,
      });
    }
    if (error.code === "P2025") return new AppError("NOT_FOUND", "not found", { cause: error });
  }
  return new AppError("INTERNAL", "internal error", { cause: error });
}
