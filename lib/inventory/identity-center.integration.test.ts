import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findAssignments } from "./find-assignments";
import { findIdcGroups } from "./find-idc-groups";
import { findIdcUsers } from "./find-idc-users";
import { findPermissionSets } from "./find-permission-sets";
import { getIdcGroup } from "./get-idc-group";
import { getPermissionSet } from "./get-permission-set";
import {
  makeAccount,
  makeAssignment,
  makeIdcGroup,
  makeIdcUser,
  makeMembership,
  makePermissionSet,
  recordSnapshot,
} from "./testing/inventory-fixtures";

const database = useTestDatabase();
const PROD = "111111111111";
const DEV = "222222222222";
const paging = { dir: "asc" as const, page: 1, pageSize: 50 };
const admin = makePermissionSet("Admin", {
  sessionDuration: "PT12H",
  awsManagedPolicies: [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
  inlinePolicy: { name: "inline", document: { Version: "2012-10-17", Statement: [] }, rawDocument: "{}" },
  permissionsBoundary: { managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess", customerManagedPolicy: null },
  provisionedAccountIds: [PROD, DEV],
});
const readOnly = makePermissionSet("ReadOnly", { sessionDuration: "PT2H", provisionedAccountIds: null });
let snapshotId: number;

beforeAll(async () => {
  snapshotId = await recordSnapshot(database.db, [
    makeAccount(PROD, { name: "prod" }),
    makeAccount(DEV, { name: "dev" }),
    admin,
    readOnly,
    makeIdcUser("u-1", "alice"),
    makeIdcUser("u-2", "bob", { status: "DISABLED" }),
    makeIdcUser("u-3", "carol"),
    makeIdcGroup("g-1", "Platform"),
    makeIdcGroup("g-2", "Empty"),
    makeMembership("g-1", "u-1"),
    makeMembership("g-1", "u-2"),
    makeAssignment(PROD, admin.key, "GROUP", "g-1"),
    makeAssignment(DEV, admin.key, "USER", "u-3"),
    makeAssignment(PROD, readOnly.key, "USER", "u-3"),
    // Given an assignment to a principal that has since been deleted from the identity store
    makeAssignment(DEV, readOnly.key, "USER", "u-gone"),
  ]);
});

describe("permission sets", () => {
  it("lists policy, assignment and provisioning counts, null where provisioning is unknown", async () => {
    const { rows } = await findPermissionSets(database.db, { snapshotId, sort: "name", ...paging });
    expect(rows).toEqual([
      expect.objectContaining({
        name: "Admin",
        awsManagedPolicyCount: 1,
        hasInlinePolicy: true,
        hasPermissionsBoundary: true,
        assignmentCount: 2,
        provisionedAccountCount: 2,
      }),
      expect.objectContaining({ name: "ReadOnly", hasInlinePolicy: false, assignmentCount: 2, provisionedAccountCount: null }),
    ]);
  });

  it("sorts session durations as durations, not as text", async () => {
    const { rows } = await findPermissionSets(database.db, { snapshotId, sort: "sessionDuration", ...paging });
    expect(rows.map((p) => p.sessionDuration)).toEqual(["PT2H", "PT12H"]);
  });

  it("details a permission set with named provisioned accounts", async () => {
    const detail = await getPermissionSet(database.db, snapshotId, admin.key);
    expect(detail).toMatchObject({
      sessionDuration: "PT12H",
      assignmentCount: 2,
      provisionedAccounts: [
        { id: PROD, name: "prod" },
        { id: DEV, name: "dev" },
      ],
      permissionsBoundary: { managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess" },
    });
    expect((await getPermissionSet(database.db, snapshotId, readOnly.key))?.provisionedAccounts).toBeNull();
  });
});

describe("findAssignments", () => {
  it("resolves principals, accounts and permission sets to names, and keeps a deleted principal visible", async () => {
    const { rows } = await findAssignments(database.db, { snapshotId, permissionSetArn: readOnly.key, sort: "principal", ...paging });
    expect(rows).toEqual([
      expect.objectContaining({ principalName: "carol", accountName: "prod", permissionSetName: "ReadOnly" }),
      expect.objectContaining({ principalId: "u-gone", principalName: null, accountName: "dev" }),
    ]);
  });

  it("filters by account and by principal", async () => {
    expect((await findAssignments(database.db, { snapshotId, accountId: PROD, sort: "account", ...paging })).total).toBe(2);
    expect((await findAssignments(database.db, { snapshotId, principalId: "g-1", sort: "account", ...paging })).rows).toEqual([
      expect.objectContaining({ principalType: "GROUP", principalName: "Platform", accountId: PROD }),
    ]);
  });
});

describe("Identity Center users and groups", () => {
  it("counts each user's groups and direct assignments, and filters by status and group", async () => {
    const all = await findIdcUsers(database.db, { snapshotId, sort: "userName", ...paging });
    expect(all.rows.map((u) => [u.userName, u.groupCount, u.assignmentCount])).toEqual([
      ["alice", 1, 0],
      ["bob", 1, 0],
      ["carol", 0, 2],
    ]);
    expect(
      (await findIdcUsers(database.db, { snapshotId, status: "DISABLED", sort: "userName", ...paging })).rows.map((u) => u.userName),
    ).toEqual(["bob"]);
    expect((await findIdcUsers(database.db, { snapshotId, groupId: "g-1", sort: "userName", ...paging })).total).toBe(2);
  });

  it("lists groups with member counts and a preview of member names, sortable by size", async () => {
    const { rows } = await findIdcGroups(database.db, { snapshotId, sort: "members", ...{ ...paging, dir: "desc" } });
    expect(rows).toEqual([
      expect.objectContaining({ displayName: "Platform", memberCount: 2, memberPreview: ["alice", "bob"], assignmentCount: 1 }),
      expect.objectContaining({ displayName: "Empty", memberCount: 0, memberPreview: [], assignmentCount: 0 }),
    ]);
    expect(await getIdcGroup(database.db, snapshotId, "g-1")).toMatchObject({ displayName: "Platform", externalIds: [] });
  });
});
