/**
 * The least time a collection can take under per-operation rate limits, whatever its concurrency:
 * for every token bucket (a rule and the caller account it applies to), calls ÷ rate; the floor is
 * the slowest bucket. Buckets run in parallel, so they do not add up. Bursts are ignored (they
 * save at most `burst` calls' worth of time per bucket).
 */
export interface RateRule {
  service?: string;
  operation?: string;
  ratePerSecond: number;
  scope?: "account-region" | "account" | "global";
}

export interface CallCounts {
  /** `service:Operation` → calls, whole run */
  apiCallsByAction: Record<string, number>;
  /** caller scope (account id, `management`, `vigil-host`) → calls; IAM calls are scoped per account */
  callsPerAccount: Record<string, number>;
}

export interface FloorBucket {
  rule: string;
  calls: number;
  ratePerSecond: number;
  seconds: number;
}

/**
 * IAM calls are made with each member account's credentials, so IAM buckets are per account; the
 * per-account split of an IAM action is taken proportional to the account's IAM calls (exact when
 * accounts are alike, as in `scale:N`). Every other service is called from one account.
 */
export interface Floor {
  /** slowest bucket: the floor with unbounded concurrency */
  seconds: number;
  /**
   * The floor when at most `accountConcurrency` accounts are read at once: per-account buckets then
   * queue, so their time adds up across accounts and divides by the concurrency.
   */
  secondsAtConcurrency: (accountConcurrency: number) => number;
  buckets: FloorBucket[];
}

export function rateLimitFloor(rules: readonly RateRule[], counts: CallCounts): Floor {
  const perRule = new Map<RateRule, { perAccount: Map<string, number> }>();
  const iamTotal = Object.entries(counts.apiCallsByAction)
    .filter(([action]) => action.startsWith("iam:"))
    .reduce((sum, [, n]) => sum + n, 0);
  const iamAccounts = Object.entries(counts.callsPerAccount).filter(([scope]) => /^\d{12}$/.test(scope));

  for (const [action, calls] of Object.entries(counts.apiCallsByAction)) {
    const [service = "", operation = ""] = action.split(":");
    const rule = rules.find((r) => (!r.service || r.service === service) && (!r.operation || r.operation === operation));
    if (!rule) continue;
    const entry = perRule.get(rule) ?? { perAccount: new Map<string, number>() };
    perRule.set(rule, entry);
    if (service === "iam" && iamTotal > 0 && rule.scope !== "global") {
      for (const [accountId, accountCalls] of iamAccounts) {
        entry.perAccount.set(accountId, (entry.perAccount.get(accountId) ?? 0) + (calls * accountCalls) / iamTotal);
      }
    } else {
      entry.perAccount.set("caller", (entry.perAccount.get("caller") ?? 0) + calls);
    }
  }

  const buckets: FloorBucket[] = [];
  const perAccountSeconds = new Map<string, number>();
  let callerSeconds = 0;
  for (const [rule, { perAccount }] of perRule) {
    for (const [scope, calls] of perAccount) {
      const seconds = calls / rule.ratePerSecond;
      if (scope === "caller") callerSeconds = Math.max(callerSeconds, seconds);
      else perAccountSeconds.set(scope, Math.max(perAccountSeconds.get(scope) ?? 0, seconds));
    }
    const busiest = Math.max(...perAccount.values());
    buckets.push({
      rule: `${rule.service ?? "*"}:${rule.operation ?? "*"} ${rule.ratePerSecond}/s per ${rule.scope ?? "account"}`,
      calls: Math.round(busiest),
      ratePerSecond: rule.ratePerSecond,
      seconds: busiest / rule.ratePerSecond,
    });
  }
  buckets.sort((a, b) => b.seconds - a.seconds);
  const accountSecondsTotal = [...perAccountSeconds.values()].reduce((a, b) => a + b, 0);
  return {
    seconds: buckets[0]?.seconds ?? 0,
    secondsAtConcurrency: (accountConcurrency) => Math.max(callerSeconds, accountSecondsTotal / accountConcurrency),
    buckets,
  };
}
