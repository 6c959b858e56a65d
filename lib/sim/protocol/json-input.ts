import type { z } from "zod";
import type { AwsError } from "./aws-error";

/** Validates a JSON request body; the service decides which error a bad input becomes. */
export function parseJsonInput<S extends z.ZodType>(schema: S, input: unknown, toError: (message: string) => AwsError): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") || "input";
  throw toError(`1 validation error detected: Value at '${where}' failed to satisfy constraint: ${issue?.message ?? "invalid"}`);
}

/** Checks a page-size parameter against the operation's documented bounds. */
export function readPageSize(
  value: number | undefined,
  bounds: { min: number; max: number; fallback: number; name: string },
  toError: (message: string, isTooLarge: boolean) => AwsError,
): number {
  if (value === undefined) return bounds.fallback;
  if (!Number.isInteger(value) || value < bounds.min) {
    throw toError(
      `1 validation error detected: Value '${value}' at '${bounds.name}' failed to satisfy constraint: Member must have value greater than or equal to ${bounds.min}`,
      false,
    );
  }
  if (value > bounds.max) {
    throw toError(
      `1 validation error detected: Value '${value}' at '${bounds.name}' failed to satisfy constraint: Member must have value less than or equal to ${bounds.max}`,
      true,
    );
  }
  return value;
}
