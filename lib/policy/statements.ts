import type { PolicyDocument } from "../aws";

/** One statement as written; every field may be a string or an array, as IAM accepts. */
export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** `Statement` as one object or an array, in document order; anything else is no statement. */
export function statementsOf(document: PolicyDocument | null | undefined): PolicyStatement[] {
  const statement = document?.Statement;
  if (Array.isArray(statement)) return statement.filter(isObject) as PolicyStatement[];
  return isObject(statement) ? [statement as PolicyStatement] : [];
}

/** A string-or-array policy value as an array of strings (other values dropped). */
export function asList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
