import { beforeAll, describe, expect, it } from "vitest";
import { normalizeTrailEvent } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { AccessError, findAccess } from ".";
import { ADMIN_ROLE, CI_USER, DEEP_ROLE, DEPLOY_ROLE, MANAGEMENT, PROD, TEAM_ROLE, accessInventory } from "./testing/access-inventory";

const database = useTestDatabase();
let eventNumber = 0;

function record(fields: Record<string, unknown>) {
  eventNumber += 1;
  return normalizeTrailEvent({
    eventVersion: "1.08",
    eventID: `00000000-0000-4000-8000-${String(eventNumber).padStart(12, "0")}`,
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.10",
    ...fields,
  });
}

const saml = (userName: string, at: string) =>
  record({
    eventTime: at,
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRoleWithSAML",
    userIdentity: { type: "SAMLUser", userName, identityProvider: `arn:aws:iam::${PROD}:saml-provider/AWSSSO_abc_DO_NOT_DELETE` },
    requestParameters: { roleArn: ADMIN_ROLE, principalArn: `arn:aws:iam::${PROD}:saml-provider/AWSSSO_abc_DO_NOT_DELETE` },
    recipientAccountId: PROD,
  });

const federate = (userId: string, at: string) =>
  record({
    eventTime: at,
    eventSource: "sso.amazonaws.com",
    eventName: "Federate",
    userIdentity: { type: "IdentityCenterUser", accountId: MANAGEMENT, onBehalfOf: { userId } },
    requestParameters: null,
    serviceEventDetails: { role_name: "Admin", account_id: PROD },
    recipientAccountId: MANAGEMENT,
  });

const assumeRole = (from: { arn: string; type: "AssumedRole" | "IAMUser" }, roleArn: string, at: string, errorCode?: string) =>
  record({
    eventTime: at,
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    userIdentity:
      from.type === "IAMUser"
        ? { type: "IAMUser", arn: from.arn, userName: from.arn.split("/").pop() }
        : {
            type: "AssumedRole",
            arn: `arn:aws:sts::${from.arn.split(":")[4]}:assumed-role/${from.arn.split("/").pop()}/alice`,
            sessionContext: { sessionIssuer: { type: "Role", arn: from.arn } },
          },
    requestParameters: { roleArn, roleSessionName: "alice" },
    recipientAccountId: roleArn.split(":")[4],
    ...(errorCode ? { errorCode, errorMessage: "not authorized" } : {}),
  });

describe("findAccess (real database)", () => {
  beforeAll(async () => {
    const result = await takeSnapshot(database.db, { source: "LIVE", collect: async () => accessInventory() });
    expect(result.status).toBe("COMPLETE");
    await seedTrailEvents(
      database.db,
      [
        saml("alice", "2026-03-01T10:00:00Z"),
        federate("u-alice", "2026-03-02T10:00:00Z"),
        // Someone else's later sign-in is not alice's use.
        saml("bob", "2026-03-09T10:00:00Z"),
        federate("u-bob", "2026-03-09T11:00:00Z"),
        assumeRole({ arn: ADMIN_ROLE, type: "AssumedRole" }, TEAM_ROLE, "2026-03-03T10:00:00Z"),
        assumeRole({ arn: ADMIN_ROLE, type: "AssumedRole" }, TEAM_ROLE, "2026-03-04T10:00:00Z"),
        // A refused call is no use.
        assumeRole({ arn: TEAM_ROLE, type: "AssumedRole" }, DEEP_ROLE, "2026-03-05T10:00:00Z", "AccessDenied"),
        assumeRole({ arn: CI_USER, type: "IAMUser" }, DEPLOY_ROLE, "2026-03-06T10:00:00Z"),
      ],
      "LOOKUP_EVENTS",
    );
  });

  it("gives each of a person's paths its effective session and the last use of its last hop, by that person", async () => {
    const page = await findAccess(database.db, { principal: "alice@example.com" });
    expect(page).toMatchObject({ total: 3, page: 1, subject: { kind: "person", userName: "alice" } });
    expect(page.rows.map((r) => [r.roleArn, r.effectiveSessionSeconds, r.cappedByChaining, r.lastUsedAt])).toEqual([
      [ADMIN_ROLE, 28_800, false, "2026-03-02T10:00:00.000Z"],
      [TEAM_ROLE, 3600, true, "2026-03-04T10:00:00.000Z"],
      [DEEP_ROLE, 3600, true, null],
    ]);
  });

  it("joins an IAM user's AssumeRole, pages the rows, and filters by account", async () => {
    const ci = await findAccess(database.db, { principal: CI_USER, pageSize: 1 });
    expect(ci).toMatchObject({ total: 2, pageSize: 1 });
    expect(ci.rows).toEqual([
      expect.objectContaining({ roleArn: DEPLOY_ROLE, effectiveSessionSeconds: 7200, lastUsedAt: "2026-03-06T10:00:00.000Z" }),
    ]);
    const second = await findAccess(database.db, { principal: CI_USER, pageSize: 1, page: 2 });
    expect(second.rows.map((r) => r.roleArn)).toEqual([DEEP_ROLE]);
    const inProd = await findAccess(database.db, { principal: "alice", accountId: PROD });
    expect(inProd.rows.map((r) => r.roleArn)).toEqual([ADMIN_ROLE, TEAM_ROLE]);
  });

  it("refuses an unknown principal by name, and bad input by field", async () => {
    await expect(findAccess(database.db, { principal: "mallory@example.com" })).rejects.toThrow(AccessError);
    await expect(findAccess(database.db, { principal: "alice", accountId: "12345" })).rejects.toThrow(/12 digits/);
  });
});
