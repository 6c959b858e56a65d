import { AppError } from "../errors";
import type { JsonValue } from "./canonical-json";

/** What an entry's `detail` may be given: plain data; Dates become ISO strings, bigints decimal strings. */
export type AuditDetailInput = { [key: string]: unknown };

const MAX_DEPTH = 6;
const MAX_KEYS = 100;
const MAX_ITEMS = 200;
const MAX_KEY_LENGTH = 100;
const MAX_STRING = 4_000;
/** Of the whole detail, canonically encoded. */
export const MAX_DETAIL_CHARS = 32_000;

export const REDACTED = "[redacted]";

/**
 * Keys naming a secret. Such a key is a bug in the caller, not something to paper over: the entry
 * (and with it the change it records) is refused. Booleans and null are let through ("hasPassword":
 * true says nothing secret); names ending in a suffix that describes rather than holds the secret
 * (passwordLastChangedAt, secretArn, tokenExpiresAt, keyId…) are too.
 */
const SECRET_KEY =
  /password|passwd|passphrase|secret|token|apikey|privatekey|cookie|authorization|otpauth|totp|sessionkey|datakey|masterkey|plaintext/;
const DESCRIPTIVE_SUFFIX =
  /(id|ids|arn|name|names|count|at|version|length|fingerprint|enabled|set|present|status|state|kind|type|policy|age|days|expiry)$/;

/**
 * Values that look like a secret whatever key holds them: free text (a suppression reason, a name
 * typed into a form) can carry one. The matched part is replaced with "[redacted]" and the rest kept.
 */
const SECRET_VALUES: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: "private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g },
  { kind: "age secret key", pattern: /AGE-SECRET-KEY-1[0-9A-Z]+/g },
  { kind: "JWT", pattern: /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/g },
  { kind: "otpauth URI", pattern: /otpauth:\/\/\S+/gi },
  { kind: "URL credentials", pattern: /(?<=[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]+(?=@)/gi },
  { kind: "bearer token", pattern: /(?<=\bbearer\s+)[\w.~+/=-]{8,}/gi },
  { kind: "assigned secret", pattern: /(?<=\b(password|passwd|secret|token|api[_-]?key)\s*[:=]\s*)[^\s,;]+/gi },
  // An AWS secret access key: 40 base64 characters mixing cases and digits (a hex digest is all one case).
  { kind: "AWS secret key", pattern: /(?<![\w+/])(?=[\w+/]*[a-z])(?=[\w+/]*[A-Z])(?=[\w+/]*\d)[A-Za-z0-9+/]{40}(?![\w+/=])/g },
  // Session tokens and other long opaque credentials.
  { kind: "long token", pattern: /(?=[\w+/=-]*[a-z])(?=[\w+/=-]*[A-Z])(?=[\w+/=-]*\d)[\w+/=-]{100,}/g },
];

export class AuditDetailError extends AppError {
  constructor(message: string) {
    super("INTERNAL", `audit detail refused: ${message}`);
    this.name = "AuditDetailError";
  }
}

function normalizedKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function isSecretKey(key: string): boolean {
  const normalized = normalizedKey(key);
  return SECRET_KEY.test(normalized) && !DESCRIPTIVE_SUFFIX.test(normalized);
}

/** The text with every secret-looking part replaced; also the kinds found (for tests and logs). */
export function redactSecrets(text: string): { text: string; kinds: string[] } {
  const kinds: string[] = [];
  let result = text;
  for (const { kind, pattern } of SECRET_VALUES) {
    const next = result.replace(pattern, REDACTED);
    if (next !== result) kinds.push(kind);
    result = next;
  }
  return { text: result, kinds };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Postgres jsonb refuses NUL and lone surrogates; the trail keeps what it can show. */
function storableText(text: string): string {
  const wellFormed = text.replace(LONE_SURROGATE, "\uFFFD").replaceAll("\u0000", "\uFFFD");
  const { text: redacted } = redactSecrets(wellFormed);
  return redacted.length > MAX_STRING ? `${redacted.slice(0, MAX_STRING)}…[truncated]` : redacted;
}

function clean(value: unknown, path: string, depth: number): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new AuditDetailError(`${path} is not a finite number`);
    return value;
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return storableText(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new AuditDetailError(`${path} is an invalid date`);
    return value.toISOString();
  }
  if (depth >= MAX_DEPTH) throw new AuditDetailError(`${path} is nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) throw new AuditDetailError(`${path} has more than ${MAX_ITEMS} items`);
    return value.map((item, index) => clean(item, `${path}[${index}]`, depth + 1) ?? null);
  }
  if (typeof value === "object" && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    return cleanObject(value as Record<string, unknown>, path, depth + 1);
  }
  throw new AuditDetailError(`${path} is not plain data (${typeof value})`);
}

function cleanObject(input: Record<string, unknown>, path: string, depth: number): { [key: string]: JsonValue } {
  const entries = Object.entries(input);
  if (entries.length > MAX_KEYS) throw new AuditDetailError(`${path} has more than ${MAX_KEYS} keys`);
  const output: { [key: string]: JsonValue } = {};
  for (const [key, value] of entries) {
    const at = path ? `${path}.${key}` : key;
    if (key.length > MAX_KEY_LENGTH || key.includes("\u0000") || new RegExp(LONE_SURROGATE.source).test(key))
      throw new AuditDetailError(`a key under ${path || "detail"} is not a short, well-formed name`);
    if (isSecretKey(key) && value !== null && value !== undefined && typeof value !== "boolean") {
      throw new AuditDetailError(`"${at}" names a secret, and secrets never go into the audit trail`);
    }
    const cleaned = clean(value, at, depth);
    if (cleaned !== undefined) Object.defineProperty(output, key, { value: cleaned, enumerable: true, writable: true, configurable: true });
  }
  return output;
}

/**
 * The detail as the trail stores and hashes it. Refuses (AuditDetailError) a key naming a secret,
 * anything that is not plain data, and oversized input; redacts secret-looking text; replaces what
 * Postgres jsonb cannot store (NUL, lone surrogates) so the stored value hashes the same when read back.
 */
export function cleanAuditDetail(detail: AuditDetailInput | undefined): { [key: string]: JsonValue } {
  if (detail === undefined) return {};
  if (detail === null || typeof detail !== "object" || Array.isArray(detail)) throw new AuditDetailError("detail must be an object");
  return cleanObject(detail, "", 0);
}
