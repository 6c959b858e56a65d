import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findIamRoles, type FindIamRolesInput } from "./find-iam-roles";
import { getIamRole } from "./get-iam-role";
import { makeAccount, makePermissionSet, makeRole, recordSnapshot } from "./testing/inventory-fixtures";

const database = useTestDatabase();
const PROD = "111111111111";
const DEV = "222222222222";
const SSO_PATH = "/aws-reserved/sso.amazonaws.com/eu-west-1/";
const admin = makePermissionSet("Admin");
const adminArn = admin.key;
let first: number;
let second: number;

const list = (input: Partial<FindIamRolesInput> & { snapshotId: number }) =>
  findIamRoles(database.db, { sort: "name", dir: "asc", page: 1, pageSize: 50, ...input });

const ssoRole = (accountId: string, permissionSetArn: string | null) =>
  makeRole(accountId, "AWSReservedSSO_Admin_0123456789abcdef", {
    path: SSO_PATH,
    maxSessionDuration: 43200,
    identityCenter: { permissionSetName: "Admin", suffix: "0123456789abcdef", region: "eu-west-1", permissionSetArn },
  });

beforeAll(async () => {
  const accounts = [makeAccount(PROD, { name: "prod" }), makeAccount(DEV, { name: "dev" })];
  const linked = makeRole(PROD, "AWSServiceRoleForSupport", { path: "/aws-service-role/support.amazonaws.com/", isServiceLinked: true });
  first = await recordSnapshot(database.db, [
    ...accounts,
    admin,
    ssoRole(PROD, adminArn),
    ssoRole(DEV, null),
    linked,
    makeRole(PROD, "deploy", { lastUsedAt: "2024-05-01T00:00:00.000Z" }),
    makeRole(DEV, "deploy", { lastUsedAt: "2024-06-01T00:00:00.000Z" }),
  ]);
  // Given the prod deploy role's trust policy widened in the second snapshot
  second = await recordSnapshot(database.db, [
    ...accounts,
    admin,
    ssoRole(PROD, adminArn),
    ssoRole(DEV, null),
    linked,
    makeRole(PROD, "deploy", {
      lastUsedAt: "2024-05-01T00:00:00.000Z",
      trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }] },
    }),
    makeRole(DEV, "deploy", { lastUsedAt: "2024-06-01T00:00:00.000Z" }),
  ]);
});

describe("findIamRoles", () => {
  it("names each role's account and, for reserved SSO roles, its permission set even when the collector could not match it", async () => {
    const { rows } = await list({ snapshotId: first, type: "sso" });
    expect(rows).toHaveLength(2);
    for (const role of rows)
      expect(role).toMatchObject({ permissionSetName: "Admin", permissionSetArn: adminArn, maxSessionDuration: 43200 });
    expect(rows.map((r) => r.accountName).sort()).toEqual(["dev", "prod"]);
  });

  it("tells service-linked, SSO and custom roles apart", async () => {
    expect((await list({ snapshotId: first, type: "service-linked" })).rows.map((r) => r.roleName)).toEqual(["AWSServiceRoleForSupport"]);
    expect((await list({ snapshotId: first, type: "custom" })).rows.map((r) => r.roleName)).toEqual(["deploy", "deploy"]);
  });

  it("filters by account, search text and permission set", async () => {
    expect((await list({ snapshotId: first, accountId: DEV })).total).toBe(2);
    expect((await list({ snapshotId: first, search: "SUPPORT" })).total).toBe(1);
    expect((await list({ snapshotId: first, permissionSetArn: adminArn })).total).toBe(2);
  });

  it("sorts by last use with never-used roles last in either direction", async () => {
    const desc = await list({ snapshotId: first, sort: "lastUsedAt", dir: "desc" });
    expect(desc.rows.slice(0, 2).map((r) => r.accountId)).toEqual([DEV, PROD]);
    expect(desc.rows.slice(2).every((r) => r.lastUsedAt === null)).toBe(true);
    const asc = await list({ snapshotId: first, sort: "lastUsedAt", dir: "asc" });
    expect(asc.rows.slice(0, 2).map((r) => r.accountId)).toEqual([PROD, DEV]);
  });
});

describe("getIamRole", () => {
  const deployArn = `arn:aws:iam::${PROD}:role/deploy`;

  it("returns the trust policy the chosen snapshot saw", async () => {
    const before = await getIamRole(database.db, first, deployArn);
    const after = await getIamRole(database.db, second, deployArn);
    expect(before?.trustPolicy).toMatchObject({ Statement: [{ Principal: { Service: "ec2.amazonaws.com" } }] });
    expect(after?.trustPolicy).toMatchObject({ Statement: [{ Principal: { AWS: "*" } }] });
    expect(after).toMatchObject({ accountName: "prod", versionValidFrom: second });
  });

  it("returns null for a role the snapshot does not hold", async () => {
    expect(await getIamRole(database.db, first, `arn:aws:iam::${PROD}:role/nope`)).toBeNull();
  });
});
