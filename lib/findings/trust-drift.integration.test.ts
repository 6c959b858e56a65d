import { describe, expect, it } from "vitest";
import { normalizeTrailEvent, type OrgInventory } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { takeSnapshot } from "../snapshot";
import { makeRole } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { evaluateFindings } from "./evaluate-findings";
import { listFindings } from "./list-findings";
import { baseState, MANAGEMENT, MEMBER } from "./testing/rule-input";

const database = useTestDatabase();
const ROLE_ARN = `arn:aws:iam::${MEMBER}:role/Deploy`;
const trustOf = (principal: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }],
});

function state(principal: string): OrgInventory {
  const inventory = baseState();
  inventory.iamByAccount[MEMBER]?.roles.push(makeRole(MEMBER, "Deploy", { trustPolicy: trustOf(principal) }));
  return inventory;
}

async function snapshotAndEvaluate(inventory: OrgInventory) {
  const snapshot = await takeSnapshot(database.db, { source: "LIVE", collect: async () => inventory });
  const result = await evaluateFindings(database.db, snapshot.id);
  const drift = (await listFindings(database.db, { status: "all", rule: "TRUST_POLICY_DRIFT" })).rows;
  return { snapshotId: snapshot.id, result, drift };
}

describe("TRUST_POLICY_DRIFT against lib/drift's baselines", () => {
  it("opens when a trust leaves the first version seen, citing the diff, the snapshot and who changed it; resolves when it returns", async () => {
    const approved = `arn:aws:iam::${MANAGEMENT}:role/Ci`;
    const widened = `arn:aws:iam::${MANAGEMENT}:root`;
    const first = await snapshotAndEvaluate(state(approved));
    expect(first.drift).toEqual([]);

    const change = normalizeTrailEvent(
      {
        eventVersion: "1.08",
        userIdentity: {
          type: "IAMUser",
          principalId: "AIDAEXAMPLEMALLORY01",
          arn: `arn:aws:iam::${MEMBER}:user/mallory`,
          accountId: MEMBER,
          userName: "mallory",
        },
        eventTime: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, "Z"),
        eventSource: "iam.amazonaws.com",
        eventName: "UpdateAssumeRolePolicy",
        awsRegion: "us-east-1",
        sourceIPAddress: "203.0.113.9",
        userAgent: "aws-cli/2.17.20",
        requestParameters: { roleName: "Deploy", policyDocument: JSON.stringify(trustOf(widened)) },
        readOnly: false,
        eventID: "7a1b2c3d-0000-4000-8000-000000000001",
        recipientAccountId: MEMBER,
      },
      {},
    );
    await seedTrailEvents(database.db, [change], "LOOKUP_EVENTS");

    const second = await snapshotAndEvaluate(state(widened));
    expect(second.drift).toHaveLength(1);
    const evidence = second.drift[0]?.evidence as {
      diff: unknown[];
      changedInSnapshotId: number;
      baseline: { sinceSnapshotId: number };
      updateAssumeRolePolicyEvents: Array<{ actorArn: string; sourceIp: string }>;
    };
    expect(second.drift[0]).toMatchObject({ severity: "high", status: "open", resourceArn: ROLE_ARN, accountId: MEMBER });
    expect(evidence.diff.length).toBeGreaterThan(0);
    expect(evidence.changedInSnapshotId).toBe(second.snapshotId);
    expect(evidence.baseline.sinceSnapshotId).toBe(first.snapshotId);
    expect(evidence.updateAssumeRolePolicyEvents).toMatchObject([
      { actorArn: `arn:aws:iam::${MEMBER}:user/mallory`, sourceIp: "203.0.113.9" },
    ]);

    const third = await snapshotAndEvaluate(state(approved));
    // TRUST_WHOLE_ACCOUNT (the widened root trust) resolves with it.
    expect(third.result.resolved).toBe(2);
    expect(third.drift[0]?.status).toBe("resolved");
  });
});
