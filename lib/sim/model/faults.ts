import type { AwsService } from "./common";

/** Which requests a fault rule applies to; every given field must match. */
export interface FaultMatch {
  service?: AwsService;
  /** Operation name as on the wire, e.g. `LookupEvents`. */
  operation?: string;
  /** Account of the caller's credentials. */
  accountId?: string;
}

export interface RateLimitRule extends FaultMatch {
  /** Sustained requests per second (token refill rate). */
  ratePerSecond: number;
  /** Bucket size; defaults to ratePerSecond (at least 1). */
  burst?: number;
  /** What one bucket covers; AWS limits LookupEvents per account and region. */
  scope?: "account-region" | "account" | "global";
}

export interface ServerErrorBurst extends FaultMatch {
  /** How many matching requests fail, counted from when the rule is installed. */
  count: number;
  /** Matching requests to let through before the burst starts. */
  after?: number;
  status?: 500 | 503;
}

export interface FaultConfig {
  /** Added to every AWS call. */
  latencyMs?: number;
  /** Extra latency keyed by `Operation` or `service:Operation`. */
  operationLatencyMs?: Record<string, number>;
  /** `"aws"` installs AWS's documented (or commonly observed) limits, see README. */
  rateLimits?: "aws" | RateLimitRule[];
  /** Calls made with credentials in these accounts, and AssumeRole into them, are denied. */
  accessDeniedAccounts?: string[];
  serverErrors?: ServerErrorBurst[];
}

/** Per-request fault a client can ask for with the `x-vigil-sim-fault` header. */
export type RequestFault =
  { kind: "throttle" } | { kind: "access-denied" } | { kind: "server-error"; status: 500 | 503 } | { kind: "latency"; ms: number };
