import type { InitializeMiddleware, MiddlewareStack } from "@smithy/types";
import type { Limiter } from "./concurrency";
import type { Pacer } from "./pacer";

/**
 * Counts commands per service, per IAM action and per account. Fed by a middleware on every pooled
 * client, so collectors cannot forget to count; retries of one command count once.
 */
export class ApiCallStats {
  readonly apiCalls: Record<string, number> = {};
  readonly apiCallsByAction: Record<string, number> = {};
  readonly callsPerAccount: Record<string, number> = {};
  /** extra attempts the SDK made (throttling, 5xx), per service */
  readonly retries: Record<string, number> = {};

  record(service: string, operation: string, scope: string): void {
    const action = `${service}:${operation}`;
    this.apiCalls[service] = (this.apiCalls[service] ?? 0) + 1;
    this.apiCallsByAction[action] = (this.apiCallsByAction[action] ?? 0) + 1;
    this.callsPerAccount[scope] = (this.callsPerAccount[scope] ?? 0) + 1;
  }

  recordAttempts(service: string, attempts: number | undefined): void {
    if (attempts && attempts > 1) this.retries[service] = (this.retries[service] ?? 0) + attempts - 1;
  }

  /** IAM actions sent so far, e.g. `iam:GetAccountAuthorizationDetails` */
  actionsSent(): string[] {
    return Object.keys(this.apiCallsByAction).sort();
  }
}

export interface CallPolicy {
  /** IAM action prefix: iam, sts, organizations, sso, identitystore, cloudtrail */
  service: string;
  /** account the calls are attributed to, or a label such as `management` */
  scope: string;
  stats: ApiCallStats;
  limiter: Limiter;
  pacer?: Pacer;
}

/** Accounting, the concurrency bound and (for CloudTrail) pacing, in front of every command. */
export function applyCallPolicy<I extends object, O extends object>(stack: MiddlewareStack<I, O>, policy: CallPolicy): void {
  const middleware: InitializeMiddleware<I, O> = (next, context) => async (args) => {
    const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
    policy.stats.record(policy.service, operation, policy.scope);
    return policy.limiter(async () => {
      await policy.pacer?.take();
      try {
        const result = await next(args);
        policy.stats.recordAttempts(policy.service, attemptsOf(result.output));
        return result;
      } catch (err) {
        policy.stats.recordAttempts(policy.service, attemptsOf(err));
        tagFailedAction(err, policy.service, operation);
        throw err;
      }
    });
  };
  stack.add(middleware, { step: "initialize", name: "vigilCallPolicy", priority: "high" });
}

const FAILED_ACTION = Symbol.for("vigil.aws.failedAction");

/** Remembers on the error which call failed, so a collector's error report names the exact operation. */
function tagFailedAction(err: unknown, service: string, operation: string): void {
  if (typeof err === "object" && err !== null && !(FAILED_ACTION in err)) {
    Object.defineProperty(err, FAILED_ACTION, { value: { service, operation }, enumerable: false });
  }
}

export function failedActionOf(err: unknown): { service: string; operation: string } | undefined {
  if (typeof err !== "object" || err === null || !(FAILED_ACTION in err)) return undefined;
  return (err as { [FAILED_ACTION]: { service: string; operation: string } })[FAILED_ACTION];
}

function attemptsOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null || !("$metadata" in value)) return undefined;
  const metadata = (value as { $metadata?: { attempts?: number } }).$metadata;
  return metadata?.attempts;
}
