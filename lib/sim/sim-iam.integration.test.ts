import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListRolesCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateLoginProfileCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListRoles,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { CREDENTIAL_REPORT_COLUMNS, startSimServer, type SimServer } from "./index";
import { credentialsOf, errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;
let sts: STSClient;

async function iamIn(accountId: string): Promise<IAMClient> {
  const assumed = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/VigilAuditRole`, RoleSessionName: "vigil-test" }),
  );
  return new IAMClient(simClientConfig(server, { credentials: credentialsOf(assumed), region: "us-east-1" }));
}

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  sts = new STSClient(simClientConfig(server));
});
afterAll(() => server.close());

describe("IAM through the real SDK", () => {
  it("pages GetAccountAuthorizationDetails to the end with URL-encoded policy documents", async () => {
    const iam = await iamIn("478901234568");
    const roles: string[] = [];
    const policies: string[] = [];
    let pages = 0;
    let legacyTrust = "";
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam, pageSize: 4 }, {})) {
      pages++;
      for (const role of page.RoleDetailList ?? []) {
        roles.push(role.RoleName as string);
        if (role.RoleName === "LegacyDeployRole") legacyTrust = role.AssumeRolePolicyDocument as string;
      }
      policies.push(...(page.Policies ?? []).map((p) => p.PolicyName as string));
    }
    const expected = server.state.iam.getOrThrow("478901234568").roles.map((r) => r.roleName);
    expect(roles).toEqual(expected);
    expect(pages).toBeGreaterThan(2);
    expect(policies).toContain("AWSCloudFormationFullAccess");
    expect(legacyTrust.startsWith("%7B%22Version%22")).toBe(true);
    const decoded = JSON.parse(decodeURIComponent(legacyTrust));
    // The planted dangling principal: a deleted role renders as its AROA… unique id.
    expect(decoded.Statement[0].Principal.AWS[0]).toMatch(/^AROA[A-Z2-7]{17}$/);
  });

  it("renders a reserved role with the SAML trust policy and protected path", async () => {
    const iam = await iamIn("590123456780");
    const all: Array<{ RoleName?: string; Path?: string; MaxSessionDuration?: number }> = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 5 }, {})) all.push(...(page.Roles ?? []));
    const reserved = all.filter((r) => r.RoleName?.startsWith("AWSReservedSSO_"));
    expect(reserved.length).toBeGreaterThan(3);
    for (const r of reserved) {
      expect(r.Path).toBe("/aws-reserved/sso.amazonaws.com/eu-west-1/");
      expect(r.RoleName).toMatch(/^AWSReservedSSO_[\w+=,.@-]+_[0-9a-f]{16}$/);
      expect(r.MaxSessionDuration).toBe(43200);
    }
    const team = await iam.send(new GetRoleCommand({ RoleName: "PaymentsTeamRole" }));
    expect(team.Role?.MaxSessionDuration).toBe(28800);
    expect(team.Role?.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
    const trust = JSON.parse(decodeURIComponent(team.Role?.AssumeRolePolicyDocument as string));
    expect(trust.Statement[0].Principal.AWS).toMatch(
      /role\/aws-reserved\/sso\.amazonaws\.com\/eu-west-1\/AWSReservedSSO_Payments-Proxy_[0-9a-f]{16}$/,
    );
    const error = await errorOf(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: reserved[0]?.RoleName, PolicyDocument: "{}" })));
    expect(error.name).toBe("UnmodifiableEntityException");
  });

  it("generates a credential report: STARTED, then COMPLETE, with AWS's 22 columns", async () => {
    const iam = new IAMClient(simClientConfig(server));
    expect(await errorOf(iam.send(new GetCredentialReportCommand({})))).toHaveProperty("name", "CredentialReportNotPresentException");
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("STARTED");
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const report = await iam.send(new GetCredentialReportCommand({}));
    const lines = Buffer.from(report.Content as Uint8Array)
      .toString("utf8")
      .split("\n");
    expect(lines[0]?.split(",")).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(lines[1]?.startsWith("<root_account>,arn:aws:iam::210987654321:root,")).toBe(true);
    const breakglass = lines.find((l) => l.startsWith("breakglass-admin,"))?.split(",") ?? [];
    expect(breakglass).toHaveLength(22);
    expect(breakglass[3]).toBe("true");
    expect(breakglass[7]).toBe("true");
    expect(breakglass[4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(report.ReportFormat).toBe("text/csv");
  });

  it("reports users, keys, last use, login profile, MFA and tags", async () => {
    const iam = await iamIn("612345678902");
    const users = await iam.send(new ListUsersCommand({}));
    expect(users.Users?.map((u) => u.UserName)).toEqual(["jordan.lee"]);
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: "jordan.lee" }));
    const key = keys.AccessKeyMetadata?.[0];
    expect(key?.Status).toBe("Active");
    expect((TEST_NOW.getTime() - (key?.CreateDate as Date).getTime()) / 86_400_000).toBe(400);
    const lastUsed = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId }));
    expect(lastUsed.AccessKeyLastUsed?.ServiceName).toBe("ec2");
    expect((await iam.send(new GetLoginProfileCommand({ UserName: "jordan.lee" }))).LoginProfile?.UserName).toBe("jordan.lee");
    expect((await iam.send(new ListMFADevicesCommand({ UserName: "jordan.lee" }))).MFADevices).toEqual([]);
    expect((await iam.send(new ListUserTagsCommand({ UserName: "jordan.lee" }))).Tags).toEqual([
      { Key: "owner", Value: "jordan.lee@acme-fintech.example" },
    ]);
  });

  it("creates, deactivates and deletes access keys, capped at two", async () => {
    const iam = new IAMClient(simClientConfig(server));
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: "breakglass-admin" }));
    expect(created.AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    await iam.send(new CreateAccessKeyCommand({ UserName: "breakglass-admin" }));
    expect((await errorOf(iam.send(new CreateAccessKeyCommand({ UserName: "breakglass-admin" })))).name).toBe("LimitExceededException");
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: "breakglass-admin", AccessKeyId: created.AccessKey?.AccessKeyId, Status: "Inactive" }),
    );
    expect((await iam.send(new ListAccessKeysCommand({ UserName: "breakglass-admin" }))).AccessKeyMetadata?.map((k) => k.Status)).toEqual([
      "Inactive",
      "Active",
    ]);
    await iam.send(new DeleteAccessKeyCommand({ UserName: "breakglass-admin", AccessKeyId: created.AccessKey?.AccessKeyId }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: "breakglass-admin" }))).AccessKeyMetadata).toHaveLength(1);
    await iam.send(new UpdateLoginProfileCommand({ UserName: "breakglass-admin", PasswordResetRequired: true }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: "breakglass-admin" }))).LoginProfile?.PasswordResetRequired).toBe(true);
    expect((await errorOf(iam.send(new GetLoginProfileCommand({ UserName: "nobody" })))).name).toBe("NoSuchEntityException");
  });

  it("sees only the caller account's IAM", async () => {
    const mgmt = new IAMClient(simClientConfig(server));
    const roles = await mgmt.send(new ListRolesCommand({ MaxItems: 1000 }));
    expect(roles.Roles?.every((r) => r.Arn?.startsWith("arn:aws:iam::210987654321:"))).toBe(true);
    expect((await errorOf(mgmt.send(new ListRolesCommand({ MaxItems: 1001 })))).name).toBe("ValidationError");
  });
});
