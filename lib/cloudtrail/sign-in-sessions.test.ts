import { describe, expect, it } from "vitest";
import { groupSignInSessions, type EventLinks, type LinkedTrailEvent } from "./sign-in-sessions";

const MGMT = "210987654321";
const PROD = "590123456780";
const BASTION = "334567890124";

let sequence = 0;
function makeEvent(overrides: Partial<Omit<LinkedTrailEvent, "links">> & { at: string; links?: Partial<EventLinks> }): LinkedTrailEvent {
  const { at, links, ...rest } = overrides;
  sequence += 1;
  return {
    eventId: `e-${sequence}`,
    accountId: PROD,
    eventTime: new Date(at),
    eventName: "AssumeRole",
    eventSource: "sts.amazonaws.com",
    awsRegion: "us-east-1",
    actorType: null,
    actorArn: null,
    actorUserName: null,
    actorAccountId: null,
    sourcePrincipalType: null,
    sourcePrincipalArn: null,
    sourceSessionName: null,
    permissionSetName: null,
    identityCenterUser: null,
    targetRoleArn: null,
    roleSessionName: null,
    mfaUsed: null,
    sourceIp: null,
    userAgent: null,
    success: true,
    errorCode: null,
    errorMessage: null,
    source: "LOOKUP_EVENTS",
    ...rest,
    links: {
      callerKeyId: null,
      issuedKeyId: null,
      sharedEventId: null,
      identityCenterUserId: null,
      federatedAccountId: null,
      federatedPermissionSet: null,
      ...links,
    },
  };
}

const federate = (at: string, userId: string, account = PROD) =>
  makeEvent({
    at,
    accountId: MGMT,
    eventName: "Federate",
    eventSource: "sso.amazonaws.com",
    links: { identityCenterUserId: userId, federatedAccountId: account, federatedPermissionSet: "Payments-Proxy" },
  });
const saml = (at: string, userName: string, issued: string, account = PROD) =>
  makeEvent({
    at,
    accountId: account,
    eventName: "AssumeRoleWithSAML",
    identityCenterUser: userName,
    permissionSetName: "Payments-Proxy",
    links: { issuedKeyId: issued },
  });

const NAMES = new Map([
  ["u-alice", "alice"],
  ["u-bob", "bob"],
]);
const nameOf = (id: string) => NAMES.get(id) ?? null;

describe("groupSignInSessions", () => {
  it("a portal sign-in, its SAML role session and the role it then assumed (both copies) are one session of the person", () => {
    // Given alice's Federate, AssumeRoleWithSAML, and a cross-account AssumeRole with the SAML credentials
    const events = [
      federate("2026-03-02T09:00:00Z", "u-alice"),
      saml("2026-03-02T09:00:02Z", "alice", "ASIA-SAML-1"),
      makeEvent({
        at: "2026-03-02T09:01:00Z",
        targetRoleArn: `arn:aws:iam::${BASTION}:role/BastionOperator`,
        links: { callerKeyId: "ASIA-SAML-1", issuedKeyId: "ASIA-CHAIN-1", sharedEventId: "s-1" },
      }),
      makeEvent({ at: "2026-03-02T09:01:00Z", accountId: BASTION, links: { issuedKeyId: "ASIA-CHAIN-1", sharedEventId: "s-1" } }),
      makeEvent({ at: "2026-03-02T09:20:00Z", accountId: BASTION, success: false, links: { callerKeyId: "ASIA-CHAIN-1" } }),
    ];

    // When grouped, in the page's newest-first order
    const items = groupSignInSessions([...events].reverse(), nameOf);

    // Then they are one session, oldest first, named after alice, across both accounts
    expect(items).toHaveLength(1);
    const session = items[0]!.kind === "session" ? items[0]!.session : null;
    expect(session?.events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(session).toMatchObject({
      identityCenterUser: "alice",
      identityCenterUserId: "u-alice",
      accountIds: [BASTION, PROD].sort(),
      failures: 1,
      start: new Date("2026-03-02T09:00:00Z"),
      end: new Date("2026-03-02T09:20:00Z"),
    });
  });

  it("two people signing in to the same account at once are two sessions", () => {
    const events = [
      federate("2026-03-02T09:00:00Z", "u-alice"),
      federate("2026-03-02T09:00:01Z", "u-bob"),
      saml("2026-03-02T09:00:02Z", "bob", "ASIA-BOB"),
      saml("2026-03-02T09:00:03Z", "alice", "ASIA-ALICE"),
    ];

    const sessions = groupSignInSessions(events, nameOf).map((item) => (item.kind === "session" ? item.session : null));

    expect(sessions.map((s) => [s?.identityCenterUser, s?.events.map((e) => e.eventName)])).toEqual([
      ["alice", ["Federate", "AssumeRoleWithSAML"]],
      ["bob", ["Federate", "AssumeRoleWithSAML"]],
    ]);
  });

  it("a Federate is not joined to a SAML sign-in minutes later, into another account, or of another permission set", () => {
    const events = [
      federate("2026-03-02T09:00:00Z", "u-alice"),
      saml("2026-03-02T09:06:00Z", "alice", "ASIA-LATE"),
      saml("2026-03-02T09:00:02Z", "alice", "ASIA-ELSEWHERE", BASTION),
      makeEvent({
        at: "2026-03-02T09:00:02Z",
        eventName: "AssumeRoleWithSAML",
        identityCenterUser: "alice",
        permissionSetName: "ReadOnly",
      }),
    ];

    expect(groupSignInSessions(events, nameOf).map((item) => item.kind)).toEqual(["event", "event", "event", "event"]);
  });

  it("without the person's name, a Federate is joined by account and permission set alone; unrelated events stay single", () => {
    const events = [
      makeEvent({ at: "2026-03-02T08:00:00Z", eventName: "ConsoleLogin", accountId: BASTION, actorType: "IAMUser" }),
      federate("2026-03-02T09:00:00Z", "u-unknown"),
      saml("2026-03-02T09:00:02Z", "carol", "ASIA-CAROL"),
    ];

    const items = groupSignInSessions(events, nameOf);

    expect(items.map((item) => item.kind)).toEqual(["event", "session"]);
    expect(items[1]!.kind === "session" && items[1]!.session.identityCenterUser).toBe("carol");
  });
});
