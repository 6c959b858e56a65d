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

  record(service: string, operation: string, scope: string): void {
    const action = `${service}:${operation}`;
    this.apiCalls[service] = (this.apiCalls[service] ?? 0) + 1;
    this.apiCallsByAction[action] = (this.apiCallsByAction[action] ?? 0) + 1;
    this.callsPerAccount[scope] = (this.callsPerAccount[scope] ?? 0) + 1;
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
      return next(args);
    });
  };
  stack.add(middleware, { step: "initialize", name: "vigilCallPolicy", priority: "high" });
}
