import type { AwsService } from "../model/common";
import type { FaultConfig, FaultMatch, RateLimitRule, RequestFault } from "../model/faults";
import type { AwsError } from "../protocol/aws-error";
import { AWS_RATE_LIMITS } from "./aws-rate-limits";
import { accessDeniedError, ACTION_PREFIX, serverError, throttlingError } from "./throttle-errors";
import { TokenBucket } from "./token-bucket";

export interface FaultRequest {
  service: AwsService;
  operation: string;
  accountId: string;
  region: string;
  callerArn: string;
  requestFault?: RequestFault;
}

const matches = (m: FaultMatch, r: FaultRequest): boolean =>
  (m.service === undefined || m.service === r.service) &&
  (m.operation === undefined || m.operation === r.operation) &&
  (m.accountId === undefined || m.accountId === r.accountId);

/** Applies a FaultConfig to requests. Replacing the config resets buckets and burst counters. */
export class FaultEngine {
  private config: FaultConfig = {};
  private buckets = new Map<string, TokenBucket>();
  private burstSeen: number[] = [];

  constructor(
    config: FaultConfig,
    private readonly nowMs: () => number,
  ) {
    this.set(config);
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  set(config: FaultConfig): void {
    this.config = structuredClone(config);
    this.buckets = new Map();
    this.burstSeen = (config.serverErrors ?? []).map(() => 0);
  }

  isAccountDenied(accountId: string): boolean {
    return this.config.accessDeniedAccounts?.includes(accountId) ?? false;
  }

  latencyFor(request: FaultRequest): number {
    const perOp = this.config.operationLatencyMs ?? {};
    const header = request.requestFault?.kind === "latency" ? request.requestFault.ms : 0;
    return (this.config.latencyMs ?? 0) + (perOp[`${request.service}:${request.operation}`] ?? perOp[request.operation] ?? 0) + header;
  }

  /** The error this request must get instead of an answer, if any. */
  check(request: FaultRequest): AwsError | undefined {
    const action = `${ACTION_PREFIX[request.service]}:${request.operation}`;
    const fault = request.requestFault;
    if (fault?.kind === "throttle") return throttlingError(request.service);
    if (fault?.kind === "access-denied") return accessDeniedError(request.service, request.callerArn, action);
    if (fault?.kind === "server-error") return serverError(request.service, fault.status);
    if (this.isAccountDenied(request.accountId)) return accessDeniedError(request.service, request.callerArn, action);
    const bursts = this.config.serverErrors ?? [];
    for (let i = 0; i < bursts.length; i++) {
      const burst = bursts[i];
      if (burst === undefined || !matches(burst, request)) continue;
      const seen = (this.burstSeen[i] ?? 0) + 1;
      this.burstSeen[i] = seen;
      const after = burst.after ?? 0;
      if (seen > after && seen <= after + burst.count) return serverError(request.service, burst.status ?? 500);
    }
    const rule = this.rules().find((r) => matches(r, request));
    if (rule !== undefined && !this.bucketFor(rule, request).tryTake(this.nowMs())) return throttlingError(request.service);
    return undefined;
  }

  private rules(): readonly RateLimitRule[] {
    const limits = this.config.rateLimits;
    if (limits === undefined) return [];
    return limits === "aws" ? AWS_RATE_LIMITS : limits;
  }

  private bucketFor(rule: RateLimitRule, request: FaultRequest): TokenBucket {
    const scope = rule.scope ?? "account";
    const scopeKey = scope === "global" ? "*" : scope === "account" ? request.accountId : `${request.accountId}|${request.region}`;
    const key = `${rule.service ?? "*"}|${rule.operation ?? "*"}|${scopeKey}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(rule.ratePerSecond, Math.max(1, rule.burst ?? rule.ratePerSecond), this.nowMs());
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

/** `x-vigil-sim-fault: throttle | access-denied | 500 | 503 | latency=<ms>` */
export function parseRequestFault(header: string | undefined): RequestFault | undefined {
  if (header === undefined) return undefined;
  const value = header.trim().toLowerCase();
  if (value === "throttle") return { kind: "throttle" };
  if (value === "access-denied") return { kind: "access-denied" };
  if (value === "500" || value === "503") return { kind: "server-error", status: Number(value) as 500 | 503 };
  const latency = /^latency=(\d{1,6})$/.exec(value);
  if (latency) return { kind: "latency", ms: Number(latency[1]) };
  return undefined;
}
