import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCredentialReport } from "../aws";
import { makeCredentialRow } from "../snapshot/testing/make-inventory";
import { writeCredentialReportCsv } from "./credential-report-csv-writer";
import { ImportValidationError, readImportDirectory } from "./read-import-directory";
import { toOrgInventory } from "./to-org-inventory";

const ACCT = "111122223333";
let dirs: string[] = [];

async function makeDir(files: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "vigil-import-"));
  dirs.push(root);
  for (const [path, value] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), typeof value === "string" ? value : JSON.stringify(value));
  }
  return root;
}

afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

const trust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
};
const inlineText = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

describe("readImportDirectory", () => {
  it("names every bad file and field in one error, before anything is mapped", async () => {
    const root = await makeDir({
      "organizations/list-accounts.json": { Accounts: [{ Id: "12345", Name: "short id" }] },
      "identity-center/users.json": "{not json",
      [`iam/${ACCT}/list-roles.json`]: { Roles: [{ RoleName: "no-arn" }] },
      "iam/not-an-account/list-roles.json": { Roles: [] },
    });
    const error = await readImportDirectory(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    const problems = (error as ImportValidationError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organizations\/list-accounts\.json: Accounts\.0\.Id: /),
        expect.stringMatching(/^identity-center\/users\.json: not valid JSON/),
        expect.stringMatching(new RegExp(`^iam/${ACCT}/list-roles\\.json: Roles\\.0\\.Arn: `)),
        expect.stringMatching(/^iam\/not-an-account\/list-roles\.json: folder name must be a 12-digit account id/),
      ]),
    );
  });

  it("maps policy documents given as CLI objects, URL-encoded API strings or JSON text the same way", async () => {
    const role = (name: string, doc: unknown) => ({
      Arn: `arn:aws:iam::${ACCT}:role/${name}`,
      RoleName: name,
      Path: "/",
      AssumeRolePolicyDocument: doc,
      RolePolicyList: [{ PolicyName: "p", PolicyDocument: doc === trust ? JSON.parse(inlineText) : encodeURIComponent(inlineText) }],
    });
    const root = await makeDir({
      [`iam/${ACCT}/authorization-details.json`]: {
        RoleDetailList: [
          role("object", trust),
          role("encoded", encodeURIComponent(JSON.stringify(trust))),
          role("text", JSON.stringify(trust)),
        ],
        Policies: [{ Arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", PolicyName: "ReadOnlyAccess" }],
      },
    });
    const { inventory, report } = toOrgInventory(await readImportDirectory(root));
    const roles = inventory.iamByAccount[ACCT]!.roles;
    for (const r of roles) {
      expect(r.trustPolicy, r.roleName).toEqual(trust);
      expect(r.inlinePolicies[0], r.roleName).toEqual({ name: "p", document: JSON.parse(inlineText), rawDocument: inlineText });
    }
    // AWS-managed policies are not kept (the live collector filters them out too)
    expect(inventory.iamByAccount[ACCT]!.policies).toEqual([]);
    // Without list-roles and the credential report the account is PARTIAL, never read as "deleted"
    expect(inventory.coverage.accounts[ACCT]).toMatchObject({
      iam: "PARTIAL",
      authorizationDetails: "PARTIAL",
      credentialReport: "SKIPPED",
    });
    expect(report.missing).toEqual(
      expect.arrayContaining([`iam/${ACCT}/list-roles.json`, `iam/${ACCT}/credential-report.csv`, "organizations/list-accounts.json"]),
    );
  });

  it("accepts CLI v1 epoch timestamps and marks absent sections as not collected", async () => {
    const root = await makeDir({
      "organizations/list-accounts.json": {
        Accounts: [{ Id: ACCT, Name: "a", Email: "a@example.com", Status: "ACTIVE", JoinedTimestamp: 1704067200.5 }],
      },
      "identity-center/users.json": {
        Users: [
          {
            UserId: "u-1",
            UserName: "alice",
            IdentityStoreId: "d-1",
            Emails: [{ Value: "x@example.com" }, { Value: "alice@example.com", Primary: true }],
          },
        ],
      },
      "identity-center/permission-sets/Admin.json": {
        PermissionSet: {
          PermissionSet: { Name: "Admin", PermissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1", CreatedDate: 1704067200 },
        },
        InlinePolicy: "",
      },
    });
    const { inventory, report } = toOrgInventory(await readImportDirectory(root));
    expect(inventory.accounts[0]).toMatchObject({ id: ACCT, joinedAt: "2024-01-01T00:00:00.500Z", parentId: "", tags: null });
    expect(inventory.coverage.organization).toBe("PARTIAL");
    expect(inventory.coverage.accountTags).toBe("SKIPPED");
    expect(inventory.coverage.accounts[ACCT]).toMatchObject({ iam: "SKIPPED" });
    expect(inventory.identityCenter?.instance).toMatchObject({ instanceArn: "arn:aws:sso:::instance/ssoins-1", identityStoreId: "d-1" });
    expect(inventory.identityCenter?.users[0]?.primaryEmail).toBe("alice@example.com");
    expect(inventory.identityCenter?.permissionSets[0]).toMatchObject({
      name: "Admin",
      createdAt: "2024-01-01T00:00:00.000Z",
      inlinePolicy: null,
      provisionedAccountIds: null,
      tags: null,
    });
    expect(inventory.coverage.identityCenter).toMatchObject({
      instance: "PARTIAL",
      users: "COLLECTED",
      groups: "SKIPPED",
      permissionSets: "COLLECTED",
      assignments: "SKIPPED",
    });
    expect(report.notes.join("\n")).toMatch(/list-instances\.json absent/);
  });

  it("reads group memberships from one combined file or per-group files", async () => {
    const page = (groupId: string, userId: string) => ({
      GroupMemberships: [{ MembershipId: `m-${userId}`, GroupId: groupId, MemberId: { UserId: userId } }],
    });
    const root = await makeDir({
      "identity-center/list-instances.json": {
        Instances: [{ InstanceArn: "arn:aws:sso:::instance/ssoins-1", IdentityStoreId: "d-1", Status: "ACTIVE" }],
      },
      "identity-center/group-memberships.json": [page("g-1", "u-1"), page("g-2", "u-2")],
      "identity-center/group-memberships/g-3.json": page("g-3", "u-3"),
    });
    const { inventory } = toOrgInventory(await readImportDirectory(root));
    expect(inventory.identityCenter?.memberships.map((m) => m.key).sort()).toEqual(["g-1|u-1", "g-2|u-2", "g-3|u-3"]);
  });
});

describe("writeCredentialReportCsv", () => {
  it("writes a report that lib/aws's parser reads back unchanged", () => {
    const root = makeCredentialRow(ACCT);
    const user = makeCredentialRow(ACCT, "o'brien, ops");
    user.passwordEnabled = true;
    user.accessKeys[1] = {
      active: true,
      lastRotatedAt: "2026-01-01T00:00:00.000Z",
      lastUsedAt: null,
      lastUsedRegion: null,
      lastUsedService: null,
    };
    expect(parseCredentialReport(writeCredentialReportCsv([root, user]))).toEqual([root, user]);
  });
});
