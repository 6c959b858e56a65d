import { z } from "zod";
import { parseTrustedProxies } from "./client-address";
import { zodIssueLines } from "./errors";

/**
 * The only reader of process.env. Every setting Vigil understands is declared here, validated once,
 * and reported one line per bad setting. Domains add their settings to ENV_SCHEMA.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalUrl = z.string().url().optional();

/** Five (minute-first) or six (second-first) cron fields; pg-boss parses the details at schedule time. */
const cronExpression = z.string().regex(/^\s*\S+(\s+\S+){4,5}\s*$/, "must be a cron expression with 5 or 6 fields, e.g. 0 * * * *");

/** 32 bytes as 64 hex digits or base64 (padded or not, standard or URL alphabet); lib/vault decodes it. */
const masterKey = z
  .string()
  .trim()
  .refine(
    (key) => /^[0-9a-fA-F]{64}$/.test(key) || (/^[A-Za-z0-9+/_-]{43}=?$/.test(key) && Buffer.from(key, "base64").length === 32),
    "must be 32 bytes as 64 hex digits or base64, e.g. the output of `openssl rand -base64 32`",
  );

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
  // Authentication (lib/auth). Without VIGIL_AUTH_SECRET one is generated into <VIGIL_DATA_DIR>/auth-secret.
  VIGIL_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** OIDC sign-in is offered only when issuer, client id and client secret are all set. */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default("openid email profile groups"),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /** "group=role,group=role"; roles: viewer, auditor, breakglass-operator, approver, admin. */
  OIDC_ROLE_MAP: z
    .string()
    .refine(
      (map) =>
        map
          .split(",")
          .filter((entry) => entry.trim())
          .every((entry) => /.=\s*(viewer|auditor|breakglass-operator|approver|admin)\s*$/.test(entry)),
      "must be group=role pairs separated by commas; roles: viewer, auditor, breakglass-operator, approver, admin",
    )
    .optional(),
  /** Role for IdP users in no mapped group; unset = such users are refused. */
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "auditor", "breakglass-operator", "approver", "admin"]).optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).default("company SSO"),
  /** Failed local sign-in steps from one client address before its attempts are delayed (doubling from 30 s). */
  VIGIL_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  /** Longest such delay; also the quiet time after which an address's count starts over. */
  VIGIL_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Failed steps against one account from all addresses within an hour that raise a SIGN_IN_ALERT. */
  VIGIL_SIGN_IN_ALERT_FAILURES: z.coerce.number().int().min(2).max(100_000).default(20),
  VIGIL_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  VIGIL_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** Sign-in attempts (password, TOTP, SSO start) per client IP per minute, per endpoint. */
  VIGIL_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  /**
   * Comma-separated reverse-proxy IPs/CIDRs. Only when the TCP peer is one of them is its
   * X-Forwarded-For read (hop by hop from the right); unset, the socket address is the client.
   */
  VIGIL_TRUSTED_PROXIES: z
    .string()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value.split(","));
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${(error as Error).message}; expected IPs or CIDR ranges separated by commas` });
      }
    })
    .optional(),
  // Jobs (jobs/schedules.ts): cron expressions are evaluated in VIGIL_TIMEZONE by pg-boss.
  VIGIL_TIMEZONE: z
    .string()
    .refine((zone) => isTimeZone(zone), "must be an IANA time zone such as UTC or Europe/Paris")
    .default("UTC"),
  VIGIL_SNAPSHOT_CRON: cronExpression.default("0 * * * *"),
  VIGIL_CLOUDTRAIL_CRON: cronExpression.default("*/15 * * * *"),
  // Access reviews (lib/review/review-settings.ts).
  /** When the weekly campaign starts (default Monday 06:00 in VIGIL_TIMEZONE). */
  VIGIL_REVIEW_CRON: cronExpression.default("0 6 * * 1"),
  /** When the drift report is sent to its subscribers (default Monday 07:00 in VIGIL_TIMEZONE). */
  VIGIL_DRIFT_REPORT_CRON: cronExpression.default("0 7 * * 1"),
  /** Comma-separated subscribers of the weekly drift report's e-mail (besides VIGIL_NOTIFY_EMAIL_TO); the webhook gets it too. */
  VIGIL_DRIFT_REPORT_EMAIL_TO: z
    .string()
    .refine(
      (list) => list.split(",").every((entry) => /^[^\s@<>,]+@[^\s@<>,]+$/.test(entry.trim())),
      "must be e-mail addresses separated by commas",
    )
    .optional(),
  /** When reviewers with undecided rows are reminded (default daily 09:00 in VIGIL_TIMEZONE). */
  VIGIL_REVIEW_REMINDER_CRON: cronExpression.default("0 9 * * *"),
  /** Reviewer of rows whose account and group have no owner. */
  VIGIL_REVIEW_DEFAULT_REVIEWER: z
    .string()
    .trim()
    .regex(/^[^\s@<>,]+@[^\s@<>,]+$/, "must be an e-mail address")
    .optional(),
  /** `account:<id>=<email>,group:<display name>=<email>,…`: owners besides the accounts' `vigil:owner` tags. */
  VIGIL_REVIEW_OWNERS: z
    .string()
    .regex(
      /^\s*((account:\d{12}|group:[^=,]+)=[^\s@<>,=]+@[^\s@<>,=]+\s*(,\s*|$))*$/,
      "must be account:<12-digit id>=<email> or group:<display name>=<email> pairs separated by commas",
    )
    .optional(),
  // CloudTrail ingestion (lib/cloudtrail). LookupEvents keeps 90 days, so a longer look-back finds nothing more.
  VIGIL_CLOUDTRAIL_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(90).default(90),
  /** Comma-separated regions to read; empty = the sign-in regions plus the Identity Center region. */
  VIGIL_CLOUDTRAIL_REGIONS: z.string().optional(),
  /** Comma-separated IAM user names whose every CloudTrail event is ingested. */
  VIGIL_BREAKGLASS_USERS: z.string().optional(),
  VIGIL_AUTOMATION_USERS: z.string().optional(),
  // Findings (lib/findings/findings-settings.ts).
  /** Glob a proxy permission set's name matches (`*` = any run of characters). */
  VIGIL_PROXY_PERMISSION_SET_PATTERN: z.string().min(1).max(64).default("*-Proxy"),
  /** `PermissionSet=TargetRole,…`: a proxy's target role when it is not its name without `-Proxy`. */
  VIGIL_PROXY_TARGETS: z
    .string()
    .regex(/^\s*([^=,]+=[\w+=.@-]{1,64}\s*(,\s*|$))*$/, "must be PermissionSetName=RoleName pairs separated by commas")
    .optional(),
  /** Account tags marking production: `key=value|value,…` (case-insensitive). */
  VIGIL_SENSITIVE_ACCOUNT_TAGS: z
    .string()
    .regex(/^\s*([^=,]+=[^=,]+(,|$))*\s*$/, "must be key=value|value pairs separated by commas, e.g. environment=production|prod")
    .default("environment=production|prod"),
  /** OU names (any segment of the account's OU path, case-insensitive) marking production. */
  VIGIL_SENSITIVE_OU_NAMES: z.string().default("prod,production"),
  /** Comma-separated account ids always treated as production. */
  VIGIL_SENSITIVE_ACCOUNT_IDS: z
    .string()
    .regex(/^\s*(\d{12}\s*(,\s*|$))*$/, "must be 12-digit account ids separated by commas")
    .optional(),
  VIGIL_SENSITIVE_MANAGEMENT_ACCOUNT: booleanFlag.default(true),
  // AWS access (lib/aws). Credentials come from the SDK's default provider chain (env, SSO profile,
  // instance/container role); AWS_ENDPOINT_URL points every client at one endpoint (the simulator).
  AWS_ENDPOINT_URL: optionalUrl,
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as us-east-1")
    .optional(),
  /** Read-only role Vigil assumes in every member account (infra/ ships it as a StackSet and Terraform module). */
  VIGIL_AWS_AUDIT_ROLE_NAME: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name")
    .default("VigilAuditRole"),
  VIGIL_AWS_EXTERNAL_ID: z.string().min(2).max(1224).optional(),
  /** Region of the IAM Identity Center instance; AWS_REGION when unset. */
  VIGIL_AWS_SSO_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as eu-west-1")
    .optional(),
  /**
   * AWS access portal URL written into generated AWS CLI configs (`vigil access --format aws-config`);
   * unset: derived from the Identity Center identity store id (`https://d-….awsapps.com/start`).
   */
  VIGIL_SSO_START_URL: z
    .string()
    .max(2048)
    .regex(/^https:\/\/[\x21-\x7e]+$/, "must be an https:// URL such as https://d-1234567890.awsapps.com/start")
    .optional(),
  VIGIL_AWS_ASSUME_IN_MANAGEMENT_ACCOUNT: booleanFlag.default(false),
  VIGIL_AWS_ACCOUNT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  VIGIL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  // Audit trail (lib/audit): the chain's head is anchored outside the database on this schedule.
  VIGIL_AUDIT_ANCHOR_CRON: cronExpression.default("*/15 * * * *"),
  /** File the anchor job appends one JSON line (sequence, hash, time) to; `vigil audit verify` checks against it. */
  VIGIL_AUDIT_ANCHOR_FILE: z.string().min(1).max(4096).optional(),
  /** http(s) URL the anchor job POSTs each anchor to; it may carry a token, so it is never logged. */
  VIGIL_AUDIT_ANCHOR_WEBHOOK: z
    .string()
    .url()
    .regex(/^https?:\/\//i, "must be an http:// or https:// URL")
    .optional(),
  VIGIL_AUDIT_ANCHOR_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Notifications (lib/notify). URLs may carry a token or an SMTP password: never logged.
  /** Slack-compatible incoming webhook that receives break-glass notifications as `{text, blocks}`. */
  VIGIL_NOTIFY_WEBHOOK_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//i, "must be an http:// or https:// URL")
    .optional(),
  /** SMTP server as smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS). */
  VIGIL_SMTP_URL: z
    .string()
    .url()
    .regex(/^smtps?:\/\/[^/?#]+\/?$/i, "must be smtp://[user:pass@]host[:port] or smtps://…")
    .optional(),
  /** Sender: `vigil@example.com` or `Vigil <vigil@example.com>`. */
  VIGIL_SMTP_FROM: z
    .string()
    .regex(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "must be an e-mail address, optionally as Name <address>")
    .default("vigil@localhost"),
  /** Comma-separated addresses that receive every notification (emergencies also reach every approver). */
  VIGIL_NOTIFY_EMAIL_TO: z
    .string()
    .refine(
      (list) => list.split(",").every((entry) => /^[^\s@<>]+@[^\s@<>]+$/.test(entry.trim())),
      "must be e-mail addresses separated by commas",
    )
    .optional(),
  /** Longest wait for the webhook or the SMTP server, per step. */
  VIGIL_NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Attempts per delivery before it is marked failed (back-off doubles from 30 s). */
  VIGIL_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  // Vault (lib/vault): break-glass secrets are encrypted under data keys wrapped by one of these.
  /** 32 random bytes, 64 hex digits or base64; generated into <VIGIL_DATA_DIR>/vault-master-key for the embedded database when unset. */
  VIGIL_MASTER_KEY: masterKey.optional(),
  /** The master key before a rotation, read only by `vigil vault rewrap`. */
  VIGIL_MASTER_KEY_PREVIOUS: masterKey.optional(),
  /** AWS KMS key (id, ARN, alias/name or alias ARN) that wraps new data keys instead of the master key. */
  VIGIL_KMS_KEY_ID: z
    .string()
    .regex(
      /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/[\w-]+|alias\/[\w/-]+)|alias\/[\w/-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/,
      "must be a KMS key id, key ARN, alias/<name> or alias ARN",
    )
    .optional(),
  // Timeouts: nothing may wait forever on an AWS endpoint or a database that stopped answering.
  /** AWS SDK: longest wait for a response to one request (and, capped at 10 s, for the TCP connection). */
  VIGIL_AWS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Postgres statement_timeout of the application's pools (migrations are exempt). */
  VIGIL_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Longest wait for a new Postgres connection. */
  VIGIL_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
});

export type Env = z.infer<typeof ENV_SCHEMA>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = ENV_SCHEMA.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(zodIssueLines(result.error));
}

let cached: Env | undefined;

/** Validated settings; throws EnvError naming every bad setting. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For launchers that decide a setting at run time (e.g. the embedded database URL) before children start. */
/** This process's whole environment plus `overrides`, for a child process (the web server). */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

export function setRuntimeEnv(name: keyof Env & string, value: string): void {
  // Next's types declare NODE_ENV read-only; launchers never set it, but the key type includes it.
  (process.env as Record<string, string | undefined>)[name] = value;
  cached = undefined;
}
