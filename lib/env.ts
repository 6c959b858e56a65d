import { z } from "zod";

/**
 * The only reader of process.env. Every setting Vigil understands is declared here, validated once,
 * and reported one line per bad setting. Domains add their settings to ENV_SCHEMA.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalUrl = z.string().url().optional();

/** Five (minute-first) or six (second-first) cron fields; pg-boss parses the details at schedule time. */
const cronExpression = z
  .string()
  .regex(/^\s*\S+(\s+\S+){4,5}\s*$/, "must be a cron expression with 5 or 6 fields, e.g. 0 * * * *");

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Postgres connection string; when absent Vigil starts its embedded Postgres under VIGIL_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  VIGIL_DATA_DIR: z.string().min(1).default(".vigil"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public URL of the web app (used for OIDC callbacks and CSRF origin checks). */
  VIGIL_BASE_URL: optionalUrl,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  VIGIL_DEV_INSECURE_COOKIES: booleanFlag.default(false),
  // Jobs (jobs/schedules.ts): cron expressions are evaluated in VIGIL_TIMEZONE by pg-boss.
  VIGIL_TIMEZONE: z
    .string()
    .refine((zone) => isTimeZone(zone), "must be an IANA time zone such as UTC or Europe/Paris")
    .default("UTC"),
  VIGIL_SNAPSHOT_CRON: cronExpression.default("0 * * * *"),
  VIGIL_CLOUDTRAIL_CRON: cronExpression.default("*/15 * * * *"),
  VIGIL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
});

export type Env = z.infer<typeof ENV_SCHEMA>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = ENV_SCHEMA.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
  );
}

let cached: Env | undefined;

/** Validated settings; throws EnvError naming every bad setting. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For launchers that decide a setting at run time (e.g. the embedded database URL) before children start. */
export function setRuntimeEnv(name: keyof Env & string, value: string): void {
  process.env[name] = value;
  cached = undefined;
}
