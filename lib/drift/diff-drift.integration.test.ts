import { beforeAll, describe, expect, it } from "vitest";
import { normalizeTrailEvent, type OrgInventory } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { takeSnapshot } from "../snapshot";
import { makeIdcUser, makeInventory, makePermissionSet, makeRole } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { diffDrift, type DriftItem, type DriftReport } from ".";

const A = "222222222222";
const B = "333333333333";
const OPS = `arn:aws:iam::${A}:role/ops`;
const database = useTestDatabase();

const T0 = new Date("2026-03-01T10:00:00Z");
const T1 = new Date("2026-03-02T10:00:00Z");
const T2 = new Date("2026-03-03T10:00:00Z");

const trustOf = (...principals: string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "sts:AssumeRole" }],
});

function baseInventory(): OrgInventory {
  const inventory = makeInventory({
    accounts: { [A]: ["app", "ops"], [B]: ["data"] },
    users: ["alice", "bob"],
    permissionSets: ["Admin", "ReadOnly"],
  });
  inventory.accounts[0]!.name = "prod";
  inventory.accounts[1]!.name = "sandbox";
  inventory.iamByAccount[A]!.roles[1] = makeRole(A, "ops", { trustPolicy: trustOf(`arn:aws:iam::${A}:role/ci`) });
  inventory.iamByAccount[A]!.roles.push(makeRole(A, "fmt", { trustPolicy: trustOf(`arn:aws:iam::${A}:role/ci`) }));
  inventory.identityCenter!.groups = [{ key: "g-admins", groupId: "g-admins", displayName: "Admins", description: null, externalIds: [] }];
  inventory.identityCenter!.memberships = [{ key: "g-admins|user-alice", membershipId: "m-1", groupId: "g-admins", userId: "user-alice" }];
  return inventory;
}

function changedInventory(): OrgInventory {
  const inventory = baseInventory();
  const iam = inventory.iamByAccount[A]!;
  // Widened trust; `app` only moved its last use (activity, not drift); `data` gone from B; `etl` new in B.
  iam.roles[1] = makeRole(A, "ops", { trustPolicy: trustOf(`arn:aws:iam::${A}:role/ci`, `arn:aws:iam::${A}:root`) });
  iam.roles[0] = makeRole(A, "app", { lastUsedAt: "2026-03-02T09:00:00.000Z", lastUsedRegion: "eu-west-1" });
  inventory.iamByAccount[B]!.roles = [makeRole(B, "etl")];
  const idc = inventory.identityCenter!;
  idc.memberships.push({ key: "g-admins|user-bob", membershipId: "m-2", groupId: "g-admins", userId: "user-bob" });
  idc.permissionSets[0] = makePermissionSet("Admin", { sessionDuration: "PT12H" });
  idc.users[0] = makeIdcUser("alice", { displayName: "Alice A." });
  // Cosmetic only: the same trust with Statement as one object and a Sid.
  const statement = { Sid: "CI", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:role/ci` }, Action: "sts:AssumeRole" };
  iam.roles[2] = makeRole(A, "fmt", { trustPolicy: { Version: "2012-10-17", Statement: statement } });
  return inventory;
}

const snapshotAt = async (inventory: OrgInventory, asOf: Date) =>
  (await takeSnapshot(database.db, { source: "LIVE", asOf, collect: async () => structuredClone(inventory) })).id;

function writeEvent(
  eventId: string,
  eventTime: Date,
  eventName: string,
  requestParameters: Record<string, unknown>,
  eventSource = "iam.amazonaws.com",
) {
  return normalizeTrailEvent({
    eventVersion: "1.08",
    userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${A}:user/mallory`, accountId: A, userName: "mallory", principalId: "AIDAMALLORY" },
    eventTime: eventTime.toISOString(),
    eventSource,
    eventName,
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-cli/2.17.20",
    requestParameters,
    responseElements: null,
    readOnly: false,
    eventID: eventId,
    recipientAccountId: A,
  });
}

const ids: number[] = [];
let report: DriftReport;
const item = (kind: string, naturalKey: string): DriftItem | undefined =>
  report.groups.flatMap((g) => g.kinds.flatMap((k) => k.items)).find((i) => i.kind === kind && i.naturalKey === naturalKey);

beforeAll(async () => {
  ids.push(await snapshotAt(baseInventory(), T0));
  ids.push(await snapshotAt(changedInventory(), T1));
  await seedTrailEvents(
    database.db,
    [
      writeEvent("ev-before", new Date("2026-02-28T10:00:00Z"), "UpdateAssumeRolePolicy", { roleName: "ops", policyDocument: "{}" }),
      writeEvent("ev-widen", new Date("2026-03-01T12:00:00Z"), "UpdateAssumeRolePolicy", { roleName: "ops", policyDocument: "{}" }),
      writeEvent("ev-other-role", new Date("2026-03-01T12:00:00Z"), "UpdateAssumeRolePolicy", { roleName: "app", policyDocument: "{}" }),
      writeEvent("ev-after", new Date("2026-03-02T12:00:00Z"), "UpdateAssumeRolePolicy", { roleName: "ops", policyDocument: "{}" }),
      writeEvent(
        "ev-member",
        new Date("2026-03-01T13:00:00Z"),
        "CreateGroupMembership",
        { identityStoreId: "d-test", groupId: "g-admins", memberId: { userId: "user-bob" } },
        "identitystore.amazonaws.com",
      ),
    ],
    "S3_LOG_FILE",
  );
  report = await diffDrift(database.db);
});

describe("diffDrift", () => {
  it("compares the last two readable snapshots by default, with totals", () => {
    expect(report.from.id).toBe(ids[0]);
    expect(report.to.id).toBe(ids[1]);
    expect(report.totals).toEqual({ added: 2, removed: 1, changed: 4 });
  });

  it("groups by account (organization-wide first, then by account name) and kind", () => {
    expect(report.groups.map((g) => [g.accountId, g.accountName])).toEqual([
      [null, null],
      [A, "prod"],
      [B, "sandbox"],
    ]);
    expect(report.groups[0]!.kinds.map((k) => k.kind)).toEqual(["IDC_USER", "IDC_GROUP_MEMBERSHIP", "PERMISSION_SET"]);
    expect(report.groups[2]!.kinds[0]!.items.map((i) => [i.change, i.label])).toEqual([
      ["added", "etl"],
      ["removed", "data"],
    ]);
  });

  it("diffs changed entities field by field, policy documents by meaning", () => {
    expect(item("IAM_ROLE", OPS)).toMatchObject({ trustPolicyChanged: true, target: { page: "iam-role", arn: OPS } });
    expect(item("IAM_ROLE", OPS)?.changes).toEqual([
      { path: "trustPolicy.Statement[0].Principal.AWS", kind: "added", after: `arn:aws:iam::${A}:root` },
    ]);
    const admin = item("PERMISSION_SET", "arn:aws:sso:::permissionSet/ssoins-test/ps-Admin");
    expect(admin).toMatchObject({
      label: "Admin",
      changes: [{ path: "sessionDuration", kind: "changed", before: "PT1H", after: "PT12H" }],
    });
  });

  it("marks a change that is cosmetic by IAM's meaning as such", () => {
    expect(item("IAM_ROLE", `arn:aws:iam::${A}:role/fmt`)).toMatchObject({ change: "changed", cosmeticOnly: true, changes: [] });
    expect(item("IAM_ROLE", OPS)?.cosmeticOnly).toBe(false);
  });

  it("labels memberships with names and leaves activity-only changes out", () => {
    expect(item("IDC_GROUP_MEMBERSHIP", "g-admins|user-bob")).toMatchObject({
      change: "added",
      label: "bob in Admins",
      target: { page: "idc-group", groupId: "g-admins" },
    });
    expect(item("IAM_ROLE", `arn:aws:iam::${A}:role/app`)).toBeUndefined();
  });

  it("names who changed it: write events about the entity between the two as-of times only", () => {
    const ops = item("IAM_ROLE", OPS)!;
    expect(ops.whoChanged.map((e) => e.eventId)).toEqual(["ev-widen"]);
    expect(ops.whoChanged[0]).toMatchObject({
      eventName: "UpdateAssumeRolePolicy",
      actorArn: `arn:aws:iam::${A}:user/mallory`,
      sourceIp: "198.51.100.7",
      eventTime: new Date("2026-03-01T12:00:00Z"),
    });
    expect(item("IDC_GROUP_MEMBERSHIP", "g-admins|user-bob")!.whoChanged.map((e) => e.eventName)).toEqual(["CreateGroupMembership"]);
    expect(item("PERMISSION_SET", "arn:aws:sso:::permissionSet/ssoins-test/ps-Admin")!.whoChanged).toEqual([]);
  });

  it("diffs a chosen pair, backwards too, and refuses unknown or unreadable snapshots by id", async () => {
    await snapshotAt(changedInventory(), T2);
    const backwards = await diffDrift(database.db, { fromId: ids[1]!, toId: ids[0]! });
    expect(backwards.totals).toEqual({ added: 1, removed: 2, changed: 4 });
    expect((await diffDrift(database.db, { toId: ids[1]! })).from.id).toBe(ids[0]);
    const failed = await takeSnapshot(database.db, {
      source: "LIVE",
      collect: async () => {
        throw new Error("boom");
      },
    });
    await expect(diffDrift(database.db, { fromId: 9999, toId: ids[0]! })).rejects.toMatchObject({
      code: "SNAPSHOT_NOT_FOUND",
      message: "snapshot 9999 does not exist",
    });
    await expect(diffDrift(database.db, { fromId: failed.id, toId: ids[0]! })).rejects.toMatchObject({ code: "SNAPSHOT_NOT_READABLE" });
    await expect(diffDrift(database.db, { toId: ids[0]! })).rejects.toMatchObject({ code: "NOT_ENOUGH_SNAPSHOTS" });
  });
});
