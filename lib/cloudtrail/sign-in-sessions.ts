import type { TrailEventRow } from "./find-trail-events";

/**
 * What ties one event to the others of the same sign-in, read from the stored record (never shown
 * as such: the raw record stays server-side).
 */
export interface EventLinks {
  /** `userIdentity.accessKeyId`: the credentials the caller signed with */
  callerKeyId: string | null;
  /** `responseElements.credentials.accessKeyId`: the credentials an STS call handed out */
  issuedKeyId: string | null;
  /** `sharedEventID`: the copies of one cross-account call, one per account */
  sharedEventId: string | null;
  /** `userIdentity.onBehalfOf.userId`: the Identity Center user of a Federate / portal event */
  identityCenterUserId: string | null;
  /** Federate's `serviceEventDetails`: the account and permission set the portal signed the user into */
  federatedAccountId: string | null;
  federatedPermissionSet: string | null;
}

export type LinkedTrailEvent = TrailEventRow & { links: EventLinks };

/** Events of one sign-in: the portal's Federate, the AssumeRoleWithSAML it led to, and the role chain after it. */
export interface SignInSession {
  key: string;
  /** oldest first */
  events: LinkedTrailEvent[];
  start: Date;
  end: Date;
  /** the person, when any event names them (Identity Store user id and/or user name) */
  identityCenterUserId: string | null;
  identityCenterUser: string | null;
  /** the accounts the person acted in: where the events were recorded, the roles assumed, the portal's target */
  accountIds: string[];
  failures: number;
}

export type TrailEventItem = { kind: "event"; event: LinkedTrailEvent } | { kind: "session"; session: SignInSession };

/** Identity Center's Federate is followed by its AssumeRoleWithSAML within seconds; this much leeway is generous. */
export const FEDERATE_TO_SAML_MS = 5 * 60_000;

const ROLE_ARN_ACCOUNT = /^arn:[\w-]+:iam::(\d{12}):role\//;

/**
 * Groups a list of events into sign-in sessions, keeping the list's order (a session sits where
 * its first listed event was). Events are one session when:
 * - one signed with the credentials another was issued (role chaining, a console sign-in with them);
 * - they were issued the same credentials, or share a `sharedEventID` (the copies of a cross-account call);
 * - a Federate into account A with permission set P is followed, within FEDERATE_TO_SAML_MS, by an
 *   AssumeRoleWithSAML into P's reserved role in A for the same user (by name, when the Identity
 *   Store id resolves; by account and permission set alone when it does not).
 * A lone event stays an event. Only the events given are grouped: a session cut by a page boundary
 * shows its part on each page.
 */
export function groupSignInSessions(events: readonly LinkedTrailEvent[], userNameOf: (userId: string) => string | null): TrailEventItem[] {
  const parent = events.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const byIssued = new Map<string, number>();
  const byShared = new Map<string, number>();
  const joinBy = (index: Map<string, number>, key: string | null, i: number) => {
    if (!key) return;
    const first = index.get(key);
    if (first === undefined) index.set(key, i);
    else union(first, i);
  };
  events.forEach((event, i) => {
    joinBy(byIssued, event.links.issuedKeyId, i);
    joinBy(byShared, event.links.sharedEventId, i);
  });
  events.forEach((event, i) => {
    const issuer = event.links.callerKeyId ? byIssued.get(event.links.callerKeyId) : undefined;
    if (issuer !== undefined) union(issuer, i);
  });
  events.forEach((event, i) => {
    if (event.eventName !== "Federate" || !event.links.federatedAccountId || !event.links.federatedPermissionSet) return;
    const userName = event.links.identityCenterUserId ? userNameOf(event.links.identityCenterUserId) : null;
    const start = event.eventTime.getTime();
    let best: number | null = null;
    events.forEach((saml, j) => {
      const at = saml.eventTime.getTime();
      const matches =
        saml.eventName === "AssumeRoleWithSAML" &&
        saml.accountId === event.links.federatedAccountId &&
        saml.permissionSetName === event.links.federatedPermissionSet &&
        at >= start &&
        at - start <= FEDERATE_TO_SAML_MS &&
        (userName === null || saml.identityCenterUser === userName);
      if (matches && (best === null || at < events[best]!.eventTime.getTime())) best = j;
    });
    if (best !== null) union(i, best);
  });

  const members = new Map<number, number[]>();
  events.forEach((_, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const items: TrailEventItem[] = [];
  const placed = new Set<number>();
  events.forEach((event, i) => {
    const root = find(i);
    if (placed.has(root)) return;
    placed.add(root);
    const group = members.get(root)!;
    if (group.length === 1) items.push({ kind: "event", event });
    else
      items.push({
        kind: "session",
        session: toSession(
          group.map((j) => events[j]!),
          userNameOf,
        ),
      });
  });
  return items;
}

function toSession(events: LinkedTrailEvent[], userNameOf: (userId: string) => string | null): SignInSession {
  const sorted = [...events].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || a.eventId.localeCompare(b.eventId));
  const first = sorted[0]!;
  const userId = sorted.find((e) => e.links.identityCenterUserId)?.links.identityCenterUserId ?? null;
  const userName = sorted.find((e) => e.identityCenterUser)?.identityCenterUser ?? (userId ? userNameOf(userId) : null);
  const accounts = new Set<string>();
  for (const event of sorted) {
    // A Federate is recorded in the management account, but signs the person into another one.
    if (event.accountId && !event.links.federatedAccountId) accounts.add(event.accountId);
    const roleAccount = event.targetRoleArn ? ROLE_ARN_ACCOUNT.exec(event.targetRoleArn)?.[1] : undefined;
    if (roleAccount && event.success) accounts.add(roleAccount);
    if (event.links.federatedAccountId) accounts.add(event.links.federatedAccountId);
  }
  return {
    key: `${first.eventId}|${first.accountId}`,
    events: sorted,
    start: first.eventTime,
    end: sorted[sorted.length - 1]!.eventTime,
    identityCenterUserId: userId,
    identityCenterUser: userName,
    accountIds: [...accounts].sort(),
    failures: sorted.filter((e) => !e.success).length,
  };
}
