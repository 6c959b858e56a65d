import { designationOf } from "../designation";
import { fingerprintOf } from "../fingerprint";
import type { PrincipalActivity } from "../finding-events";
import type { FindingCandidate, Rule, RuleInput } from "../types";

/**
 * The events of an activity that fall outside every approved checkout window. loadFindingEvents
 * already leaves out events inside lib/breakglass's windows (in SQL, over every event, not only the
 * samples), so the rule passes none; this stays for callers holding windows and raw samples.
 */
export function outsideCheckoutWindows(
  activity: PrincipalActivity,
  windows: ReadonlyArray<{ from: string; to: string }> = [],
): PrincipalActivity | null {
  const outside = activity.samples.filter((event) => !windows.some((w) => event.eventTime >= w.from && event.eventTime <= w.to));
  if (windows.length === 0) return activity;
  return outside.length === 0 ? null : { ...activity, samples: outside, events: outside.length };
}

function evaluate({ state, events, settings }: RuleInput): FindingCandidate[] {
  const breakglass = new Map<string, string>();
  for (const iam of Object.values(state.iamByAccount))
    for (const user of iam.users) if (designationOf(user, settings)?.purpose === "break-glass") breakglass.set(user.arn, user.accountId);
  const findings: FindingCandidate[] = [];
  for (const activity of events.breakglassActivity) {
    const accountId = breakglass.get(activity.userArn);
    if (!accountId) continue;
    const unchecked = outsideCheckoutWindows(activity);
    if (!unchecked) continue;
    findings.push({
      rule: "BREAKGLASS_USED_WITHOUT_CHECKOUT",
      severity: "critical",
      title: `Break-glass user ${activity.userName} was used ${unchecked.events} time(s) without a checkout (last ${unchecked.lastAt})`,
      resourceArn: activity.userArn,
      accountId,
      evidence: { events: unchecked.events, firstAt: unchecked.firstAt, lastAt: unchecked.lastAt, recentEvents: unchecked.samples },
      remediation:
        "Find out who used the break-glass credentials and why; rotate its password and keys. Break-glass use must go through a recorded checkout.",
      fingerprint: fingerprintOf("BREAKGLASS_USED_WITHOUT_CHECKOUT", accountId, activity.userArn),
    });
  }
  return findings;
}

export const breakglassUsedWithoutCheckout: Rule = {
  id: "BREAKGLASS_USED_WITHOUT_CHECKOUT",
  severity: "critical",
  description:
    "Any CloudTrail activity by a break-glass principal outside an approved checkout window (from its reveal until it was returned or expired).",
  reads: ["iam.authorizationDetails", "cloudTrail"],
  evaluate,
};
