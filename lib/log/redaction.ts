/**
 * What Vigil never writes to a log. Keys are matched at the top level and up to three levels deep
 * (pino's redact paths are explicit, not recursive), in the spellings our code and AWS SDK use.
 */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "secret",
  "clientSecret",
  "totp",
  "totpSecret",
  "otpauthUri",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "sessionToken",
  "apiKey",
  "secretAccessKey",
  "SecretAccessKey",
  "SessionToken",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "x-amz-security-token",
];

/** Connection strings keep host and database (useful when debugging) but lose their password. */
const URL_KEYS = ["DATABASE_URL", "databaseUrl", "connectionString", "url"];

const DEPTHS = ["", "*", "*.*", "*.*.*"];

/** pino path syntax: `a.b` for identifiers, `a["set-cookie"]` for other keys. */
function pathAt(prefix: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}["${key}"]`;
}

export const REDACT_PATHS = DEPTHS.flatMap((prefix) => [...SECRET_KEYS, ...URL_KEYS].map((key) => pathAt(prefix, key)));

const REDACTED = "[Redacted]";
const URL_KEY_SET = new Set(URL_KEYS);

/** Matches the userinfo of any `scheme://user:password@` URL so the password can be masked. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/gi;

/** Masks passwords embedded in URLs anywhere in a string (error messages often quote them). */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1:${REDACTED}@`);
}

export function censor(value: unknown, path: string[]): unknown {
  const key = path.at(-1) ?? "";
  if (URL_KEY_SET.has(key) && typeof value === "string") return maskUrlCredentials(value);
  return REDACTED;
}
