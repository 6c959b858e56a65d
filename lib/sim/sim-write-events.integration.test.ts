import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudTrailClient, paginateLookupEvents, type Event } from "@aws-sdk/client-cloudtrail";
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetRoleCommand,
  IAMClient,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateLoginProfileCommand,
} from "@aws-sdk/client-iam";
import { DescribePermissionSetCommand, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { startSimServer, type SimServer } from "./index";
import { credentialsOf, errorOf, simClientConfig, TEST_NOW, type StaticCredentials } from "./testing/sim-client-config";

const MANAGEMENT = "210987654321";
const PAYMENTS_STAGING = "478901234568";
const HOME_REGION = "eu-west-1";

let server: SimServer;
let sessionInStaging: StaticCredentials;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  const sts = new STSClient(simClientConfig(server));
  sessionInStaging = credentialsOf(
    await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PAYMENTS_STAGING}:role/OrganizationAccountAccessRole`, RoleSessionName: "jane" }),
    ),
  );
});
afterAll(() => server.close());

const trust = (principal: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }] });

/** The parts of a CloudTrail record these tests read. */
interface TrailRecord {
  requestParameters: Record<string, unknown>;
  responseElements: Record<string, Record<string, unknown> | string> | null;
  sourceIPAddress: string;
  userIdentity: { type: string; arn?: string; userName?: string; sessionContext?: { sessionIssuer: { userName: string } } };
}

/** Write events named `eventName` in one account's trail of one region, newest first, with their records parsed. */
async function writeEvents(accountId: string, region: string, eventName: string): Promise<Array<{ event: Event; body: TrailRecord }>> {
  const credentials =
    accountId === MANAGEMENT
      ? undefined
      : credentialsOf(
          await new STSClient(simClientConfig(server)).send(
            new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/VigilAuditRole`, RoleSessionName: "reader" }),
          ),
        );
  const ct = new CloudTrailClient(simClientConfig(server, { credentials, region }));
  const found: Array<{ event: Event; body: TrailRecord }> = [];
  for await (const page of paginateLookupEvents(
    { client: ct, pageSize: 50 },
    { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: eventName }] },
  )) {
    for (const event of page.Events ?? []) {
      const body = JSON.parse(event.CloudTrailEvent as string) as TrailRecord & { readOnly: boolean };
      expect(body.readOnly).toBe(false);
      expect(event.ReadOnly).toBe("false");
      found.push({ event, body });
    }
  }
  return found;
}

describe("the demo's change history", () => {
  it("holds the UpdateAssumeRolePolicy that let the outside account into data-staging's AssumableAdmin", async () => {
    const changes = (await writeEvents("489012345679", "us-east-1", "UpdateAssumeRolePolicy")).filter(
      (e) => e.body.requestParameters.roleName === "AssumableAdmin",
    );
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change?.body.requestParameters.policyDocument).toContain("arn:aws:iam::444455556666:root");
    expect(change?.body.userIdentity.arn).toMatch(/^arn:aws:sts::489012345679:assumed-role\/AssumableAdmin\/[\w.@-]+$/);
    expect(TEST_NOW.getTime() - (change?.event.EventTime as Date).getTime()).toBeGreaterThan(22 * 86_400_000);
    const payments = await writeEvents("590123456780", "us-east-1", "UpdateAssumeRolePolicy");
    expect(payments.filter((e) => e.body.requestParameters.roleName === "AssumableAdmin")).toEqual([]);
  });
});

describe("write events of IAM API calls", () => {
  it("records UpdateAssumeRolePolicy with the caller's session, address and the document sent", async () => {
    const iam = new IAMClient(simClientConfig(server, { credentials: sessionInStaging, region: "us-east-1" }));
    const document = trust(`arn:aws:iam::${MANAGEMENT}:root`);
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "LegacyDeployRole", PolicyDocument: document }));
    const [found] = await writeEvents(PAYMENTS_STAGING, "us-east-1", "UpdateAssumeRolePolicy");
    expect(found?.body).toMatchObject({
      eventSource: "iam.amazonaws.com",
      eventName: "UpdateAssumeRolePolicy",
      awsRegion: "us-east-1",
      readOnly: false,
      managementEvent: true,
      eventType: "AwsApiCall",
      sourceIPAddress: "127.0.0.1",
      recipientAccountId: PAYMENTS_STAGING,
      requestParameters: { roleName: "LegacyDeployRole", policyDocument: document },
      responseElements: null,
      userIdentity: {
        type: "AssumedRole",
        arn: `arn:aws:sts::${PAYMENTS_STAGING}:assumed-role/OrganizationAccountAccessRole/jane`,
        accessKeyId: sessionInStaging.accessKeyId,
      },
    });
    expect(found?.event.Resources).toEqual([{ ResourceType: "AWS::IAM::Role", ResourceName: "LegacyDeployRole" }]);
    expect(found?.event.Username).toBe("jane");
  });

  it("records nothing for a read or a refused change", async () => {
    const iam = new IAMClient(simClientConfig(server, { credentials: sessionInStaging, region: "us-east-1" }));
    const before = server.state.cloudTrail.list(PAYMENTS_STAGING, "us-east-1").length;
    await iam.send(new GetRoleCommand({ RoleName: "LegacyDeployRole" }));
    await errorOf(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "LegacyDeployRole", PolicyDocument: "{not json" })));
    await errorOf(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "NoSuchRole", PolicyDocument: trust(MANAGEMENT) })));
    expect(server.state.cloudTrail.list(PAYMENTS_STAGING, "us-east-1").length).toBe(before);
  });

  it("records access-key and login-profile changes without the secret or the password", async () => {
    const iam = new IAMClient(simClientConfig(server, { region: "us-east-1" }));
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: "breakglass-admin" }));
    const keyId = created.AccessKey?.AccessKeyId as string;
    await iam.send(new UpdateAccessKeyCommand({ UserName: "breakglass-admin", AccessKeyId: keyId, Status: "Inactive" }));
    await iam.send(new DeleteAccessKeyCommand({ UserName: "breakglass-admin", AccessKeyId: keyId }));
    await iam.send(
      new UpdateLoginProfileCommand({ UserName: "breakglass-admin", Password: "correct-horse-battery", PasswordResetRequired: true }),
    );

    const [create] = await writeEvents(MANAGEMENT, "us-east-1", "CreateAccessKey");
    expect(create?.body.requestParameters).toEqual({ userName: "breakglass-admin" });
    expect(create?.body.responseElements?.accessKey).toMatchObject({ userName: "breakglass-admin", accessKeyId: keyId, status: "Active" });
    expect(create?.event.CloudTrailEvent).not.toContain(created.AccessKey?.SecretAccessKey as string);
    expect(create?.body.userIdentity.arn).toBe(`arn:aws:iam::${MANAGEMENT}:user/vigil-sim-admin`);
    const [update] = await writeEvents(MANAGEMENT, "us-east-1", "UpdateAccessKey");
    expect(update?.body.requestParameters).toEqual({ userName: "breakglass-admin", accessKeyId: keyId, status: "Inactive" });
    const [remove] = await writeEvents(MANAGEMENT, "us-east-1", "DeleteAccessKey");
    expect(remove?.body.requestParameters).toEqual({ userName: "breakglass-admin", accessKeyId: keyId });
    const [login] = await writeEvents(MANAGEMENT, "us-east-1", "UpdateLoginProfile");
    expect(login?.body.requestParameters).toEqual({
      userName: "breakglass-admin",
      password: "HIDDEN_DUE_TO_SECURITY_REASONS",
      passwordResetRequired: true,
    });
    expect(login?.event.CloudTrailEvent).not.toContain("correct-horse-battery");
  });
});

describe("scripted drift through the admin API", () => {
  it("widens a trust policy as a named role session and records who did it", async () => {
    const document = trust("arn:aws:iam::999988887777:root");
    server.admin.setTrustPolicy(PAYMENTS_STAGING, "LegacyDeployRole", document, {
      roleName: "OrganizationAccountAccessRole",
      sessionName: "mallory@acme-fintech.example",
      sourceIp: "198.51.100.77",
    });
    const [found] = await writeEvents(PAYMENTS_STAGING, "us-east-1", "UpdateAssumeRolePolicy");
    expect(found?.body.requestParameters).toEqual({ roleName: "LegacyDeployRole", policyDocument: document });
    expect(found?.body.sourceIPAddress).toBe("198.51.100.77");
    expect(found?.body.userIdentity.arn).toBe(
      `arn:aws:sts::${PAYMENTS_STAGING}:assumed-role/OrganizationAccountAccessRole/mallory@acme-fintech.example`,
    );
    expect(found?.body.userIdentity.sessionContext?.sessionIssuer.userName).toBe("OrganizationAccountAccessRole");
  });

  it("defaults the caller to an OrganizationAccountAccessRole session in a member account and refuses an unknown caller", async () => {
    server.admin.setTrustPolicy(PAYMENTS_STAGING, "LegacyDeployRole", trust(`arn:aws:iam::${MANAGEMENT}:root`));
    const [found] = await writeEvents(PAYMENTS_STAGING, "us-east-1", "UpdateAssumeRolePolicy");
    expect(found?.body.userIdentity.arn).toBe(
      `arn:aws:sts::${PAYMENTS_STAGING}:assumed-role/OrganizationAccountAccessRole/vigil-sim-admin`,
    );
    const before = server.state.cloudTrail.list(PAYMENTS_STAGING, "us-east-1").length;
    expect(() => server.admin.setTrustPolicy(PAYMENTS_STAGING, "LegacyDeployRole", trust(MANAGEMENT), { roleName: "Ghost" })).toThrow(
      /unknown caller role Ghost/,
    );
    expect(server.state.cloudTrail.list(PAYMENTS_STAGING, "us-east-1").length).toBe(before);
  });

  it("adds a user to a group and records Identity Store CreateGroupMembership in the home region", async () => {
    const group = server.state.identityCenter.groups.find((g) => g.displayName === "platform-engineers");
    const outsider = server.state.identityCenter.users.find(
      (u) => !server.state.identityCenter.memberships.some((m) => m.userId === u.userId && m.groupId === group?.groupId),
    );
    const membership = server.admin.addGroupMembership({ group: "platform-engineers", user: outsider?.userName as string });
    expect(server.state.identityCenter.memberships).toContainEqual(membership);
    const [found] = await writeEvents(MANAGEMENT, HOME_REGION, "CreateGroupMembership");
    expect(found?.body).toMatchObject({
      eventSource: "identitystore.amazonaws.com",
      awsRegion: HOME_REGION,
      recipientAccountId: MANAGEMENT,
      requestParameters: {
        identityStoreId: server.state.identityCenter.instance.identityStoreId,
        groupId: group?.groupId,
        memberId: { userId: outsider?.userId },
      },
      responseElements: { membershipId: membership.membershipId },
    });
    expect(() => server.admin.addGroupMembership({ group: "platform-engineers", user: outsider?.userName as string })).toThrow(
      /already a member/,
    );
  });

  it("lengthens a permission set's session (SSO Admin answers it) and records UpdatePermissionSet; an out-of-range one is refused", async () => {
    server.admin.updatePermissionSet("AdministratorAccess", { sessionDuration: "PT12H" });
    const ps = server.state.identityCenter.permissionSets.find((p) => p.name === "AdministratorAccess");
    const sso = new SSOAdminClient(simClientConfig(server, { region: HOME_REGION }));
    const described = await sso.send(
      new DescribePermissionSetCommand({ InstanceArn: server.state.identityCenter.instance.instanceArn, PermissionSetArn: ps?.arn }),
    );
    expect(described.PermissionSet?.SessionDuration).toBe("PT12H");
    const [found] = await writeEvents(MANAGEMENT, HOME_REGION, "UpdatePermissionSet");
    expect(found?.body.requestParameters).toEqual({
      instanceArn: server.state.identityCenter.instance.instanceArn,
      permissionSetArn: ps?.arn,
      sessionDuration: "PT12H",
    });
    expect(() => server.admin.updatePermissionSet("AdministratorAccess", { sessionDuration: "PT13H" })).toThrow(/PT1H to PT12H/);
    expect(ps?.sessionDuration).toBe("PT12H");
  });

  it("puts a permission set's inline policy, re-provisions its reserved roles and records both calls", async () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
    server.admin.putPermissionSetInlinePolicy("Payments-Proxy", { document: policy });
    const reserved = server.state.iam
      .getOrThrow(PAYMENTS_STAGING)
      .roles.find((r) => r.roleName.startsWith("AWSReservedSSO_Payments-Proxy_"));
    expect(reserved?.inlinePolicies).toEqual([{ name: "AwsSSOInlinePolicy", document: policy }]);
    const [put] = await writeEvents(MANAGEMENT, HOME_REGION, "PutInlinePolicyToPermissionSet");
    expect(put?.body.requestParameters.inlinePolicy).toBe(policy);
    const [provision] = await writeEvents(MANAGEMENT, HOME_REGION, "ProvisionPermissionSet");
    expect(provision?.body.requestParameters.targetType).toBe("ALL_PROVISIONED_ACCOUNTS");
  });

  it("records CreateAccountAssignment for a new assignment", async () => {
    const user = server.state.identityCenter.users[0];
    server.admin.addAssignment({
      accountId: PAYMENTS_STAGING,
      permissionSet: "ReadOnlyAccess",
      principalType: "USER",
      principalId: user?.userId as string,
    });
    const [found] = await writeEvents(MANAGEMENT, HOME_REGION, "CreateAccountAssignment");
    expect(found?.body.requestParameters).toMatchObject({
      targetId: PAYMENTS_STAGING,
      targetType: "AWS_ACCOUNT",
      principalType: "USER",
      principalId: user?.userId,
    });
    expect((found?.body.responseElements?.accountAssignmentCreationStatus as Record<string, unknown> | undefined)?.status).toBe(
      "IN_PROGRESS",
    );
  });

  it("attaches and puts role policies, recording AttachRolePolicy and PutRolePolicy", async () => {
    server.admin.attachRolePolicy(PAYMENTS_STAGING, "LegacyDeployRole", "arn:aws:iam::aws:policy/AdministratorAccess");
    server.admin.putRolePolicy(PAYMENTS_STAGING, "LegacyDeployRole", { policyName: "extra", document: trust(MANAGEMENT) });
    const [attach] = await writeEvents(PAYMENTS_STAGING, "us-east-1", "AttachRolePolicy");
    expect(attach?.body.requestParameters).toEqual({
      roleName: "LegacyDeployRole",
      policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
    });
    const [put] = await writeEvents(PAYMENTS_STAGING, "us-east-1", "PutRolePolicy");
    expect(put?.body.requestParameters).toMatchObject({ roleName: "LegacyDeployRole", policyName: "extra" });
    const reserved = server.state.iam.getOrThrow(PAYMENTS_STAGING).roles.find((r) => r.isProtected);
    expect(() =>
      server.admin.attachRolePolicy(PAYMENTS_STAGING, reserved?.roleName as string, "arn:aws:iam::aws:policy/ReadOnlyAccess"),
    ).toThrow(/protected/);
  });

  it("records Organizations AttachPolicy in the management account's us-east-1 trail, and nothing for a refused attach", async () => {
    const sandbox = server.state.accounts.find((a) => a.name === "acme-sandbox")?.id as string;
    const denyAll = server.admin.createServiceControlPolicy({
      name: "deny-leaving",
      document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] },
    });
    server.admin.attachServiceControlPolicy(denyAll.id, sandbox, { userName: "breakglass-admin" });
    const [found] = await writeEvents(MANAGEMENT, "us-east-1", "AttachPolicy");
    expect(found?.body).toMatchObject({
      eventSource: "organizations.amazonaws.com",
      requestParameters: { policyId: denyAll.id, targetId: sandbox },
      userIdentity: { type: "IAMUser", userName: "breakglass-admin" },
    });
    expect(() => server.admin.attachServiceControlPolicy(denyAll.id, "999999999999")).toThrow();
    expect(await writeEvents(MANAGEMENT, "us-east-1", "AttachPolicy")).toHaveLength(1);
  });

  it("rotates keys as CreateAccessKey plus DeleteAccessKey of each previous key", async () => {
    const before = server.state.iam.getOrThrow("345678901235").users.find((u) => u.userName === "ci-deployer")?.accessKeys ?? [];
    server.admin.rotateAccessKeys("345678901235", "ci-deployer");
    const deleted = (await writeEvents("345678901235", "us-east-1", "DeleteAccessKey")).map((e) =>
      String(e.body.requestParameters.accessKeyId),
    );
    expect(deleted.sort()).toEqual(before.map((k) => k.accessKeyId).sort());
    expect(await writeEvents("345678901235", "us-east-1", "CreateAccessKey")).toHaveLength(1);
  });
});

describe("the /_sim HTTP routes for drift", () => {
  it("patches a permission set, adds a membership, and answers 400 naming what was wrong", async () => {
    const patch = await fetch(`${server.url}/_sim/identity-center/permission-sets/ReadOnlyAccess`, {
      method: "PATCH",
      body: JSON.stringify({ sessionDuration: "PT8H", caller: { userName: "breakglass-admin" } }),
    });
    expect(patch.status).toBe(200);
    const [found] = await writeEvents(MANAGEMENT, HOME_REGION, "UpdatePermissionSet");
    expect(found?.body.userIdentity).toMatchObject({ type: "IAMUser", userName: "breakglass-admin" });
    const bad = await fetch(`${server.url}/_sim/identity-center/permission-sets/ReadOnlyAccess`, {
      method: "PATCH",
      body: JSON.stringify({ sessionDuration: "8 hours" }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/sessionDuration/);
    const unknown = await fetch(`${server.url}/_sim/identity-center/group-memberships`, {
      method: "POST",
      body: JSON.stringify({ group: "no-such-group", user: "x" }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/unknown group no-such-group/);
  });
});
