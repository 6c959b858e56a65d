import { beforeAll, describe, expect, it } from "vitest";
import { normalizeTrailEvent, type OrgInventory } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { takeSnapshot } from "../snapshot";
import { makeInventory, makeRole } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { findAccessChanges, type AccessChange } from ".";

const A = "222222222222";
const database = useTestDatabase();

const T0 = new Date("2026-03-01T10:00:00Z");
const T1 = new Date("2026-03-02T10:00:00Z");
const T2 = new Date("2026-03-03T10:00:00Z");

const trustOf = (...principals: string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "sts:AssumeRole" }],
});

function baseInventory(): OrgInventory {
  const inventory = makeInventory({ accounts: { [A]: ["app", "ops"] }, users: ["alice", "bob"], permissionSets: ["Admin"] });
  inventory.accounts[0]!.name = "prod";
  inventory.iamByAccount[A]!.roles[1] = makeRole(A, "ops", { trustPolicy: trustOf(`arn:aws:iam::${A}:role/ci`) });
  inventory.identityCenter!.groups = [{ key: "g-admins", groupId: "g-admins", displayName: "Admins", description: null, externalIds: [] }];
  inventory.identityCenter!.memberships = [{ key: "g-admins|user-alice", membershipId: "m-1", groupId: "g-admins", userId: "user-alice" }];
  return inventory;
}

/** Bob joins Admins, ops's trust widens to the whole account; `app` was only used. */
function changedInventory(): OrgInventory {
  const inventory = baseInventory();
  const iam = inventory.iamByAccount[A]!;
  iam.roles[1] = makeRole(A, "ops", { trustPolicy: trustOf(`arn:aws:iam::${A}:role/ci`, `arn:aws:iam::${A}:root`) });
  iam.roles[0] = makeRole(A, "app", { lastUsedAt: "2026-03-02T09:00:00.000Z", lastUsedRegion: "eu-west-1" });
  inventory.identityCenter!.memberships.push({ key: "g-admins|user-bob", membershipId: "m-2", groupId: "g-admins", userId: "user-bob" });
  return inventory;
}

const snapshotAt = async (inventory: OrgInventory, asOf: Date) =>
  (await takeSnapshot(database.db, { source: "LIVE", asOf, collect: async () => structuredClone(inventory) })).id;

const find = (items: AccessChange[], kind: string, naturalKey: string) => items.find((i) => i.kind === kind && i.naturalKey === naturalKey);

describe("findAccessChanges", () => {
  const ids: number[] = [];
  beforeAll(async () => {
    // Given a baseline, a snapshot with a membership added, a trust widened and a role merely used, and one with nothing changed
    ids.push(await snapshotAt(baseInventory(), T0));
    ids.push(await snapshotAt(changedInventory(), T1));
    ids.push(await snapshotAt(changedInventory(), T2));
    // …and the CloudTrail write that widened the trust
    await seedTrailEvents(
      database.db,
      [
        normalizeTrailEvent({
          eventVersion: "1.08",
          userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${A}:user/mallory`, accountId: A, userName: "mallory", principalId: "AIDAM" },
          eventTime: "2026-03-01T12:00:00Z",
          eventSource: "iam.amazonaws.com",
          eventName: "UpdateAssumeRolePolicy",
          awsRegion: "us-east-1",
          sourceIPAddress: "198.51.100.7",
          requestParameters: { roleName: "ops", policyDocument: "{}" },
          responseElements: null,
          readOnly: false,
          eventID: "ev-widen",
          recipientAccountId: A,
        }),
      ],
      "S3_LOG_FILE",
    );
  });

  it("lists the membership and the trust change as access changes, by name, with their diff and who made them", async () => {
    const page = await findAccessChanges(database.db);

    expect(page.items.map((i) => [i.snapshotId, i.kind, i.category, i.change])).toEqual([
      [ids[1], "IDC_GROUP_MEMBERSHIP", "access", "added"],
      [ids[1], "IAM_ROLE", "access", "changed"],
    ]);
    const membership = find(page.items, "IDC_GROUP_MEMBERSHIP", "g-admins|user-bob")!;
    expect(membership.label).toBe("bob in Admins");
    expect(membership.previousSnapshotId).toBe(ids[0]);
    const trust = find(page.items, "IAM_ROLE", `arn:aws:iam::${A}:role/ops`)!;
    expect(trust.accountName).toBe("prod");
    expect(trust.changes).toContainEqual(expect.objectContaining({ kind: "added", after: `arn:aws:iam::${A}:root` }));
    expect(trust.changes.every((c) => c.path.startsWith("trustPolicy"))).toBe(true);
    expect(trust.whoChanged.map((e) => [e.eventId, e.actorUserName])).toEqual([["ev-widen", "mallory"]]);
  });

  it("a role that was only used is churn: hidden by default, listed with its last-use time when churn is asked for", async () => {
    const app = `arn:aws:iam::${A}:role/app`;
    expect(find((await findAccessChanges(database.db)).items, "IAM_ROLE", app)).toBeUndefined();

    const withChurn = await findAccessChanges(database.db, { includeChurn: true });

    const used = find(withChurn.items, "IAM_ROLE", app)!;
    expect(used).toMatchObject({ snapshotId: ids[1], change: "last-used", category: "churn", label: "app" });
    expect(used.changes).toEqual([{ path: "lastUsedAt", kind: "changed", after: "2026-03-02T09:00:00.000Z" }]);
    expect(withChurn.items.filter((i) => i.category !== "churn")).toHaveLength(2);
  });

  it("filters by kind, account and time", async () => {
    const memberships = await findAccessChanges(database.db, { kind: "IDC_GROUP_MEMBERSHIP" });
    expect(memberships.items.map((i) => i.naturalKey)).toEqual(["g-admins|user-bob"]);
    const inA = await findAccessChanges(database.db, { accountId: A });
    expect(inA.items.map((i) => i.kind)).toEqual(["IAM_ROLE"]);
    expect((await findAccessChanges(database.db, { from: T2 })).total).toBe(0);
    expect((await findAccessChanges(database.db, { from: T1, to: T2 })).total).toBe(2);
  });
});
