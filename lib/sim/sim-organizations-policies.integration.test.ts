import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  OrganizationsClient,
  paginateListPolicies,
  paginateListTargetsForPolicy,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { startSimServer, type SimServer } from "./index";
import { credentialsOf, errorOf, simClientConfig, TEST_NOW, type StaticCredentials } from "./testing/sim-client-config";

const MANAGEMENT = "210987654321";
const SANDBOX = "612345678902";
const PAYMENTS_STAGING = "478901234568";
const DEVELOPER_KEY = "AKIAVIGILSANDBOXDEV1";

let server: SimServer;
let org: OrganizationsClient;
let sts: STSClient;

async function memberCredentials(accountId: string): Promise<StaticCredentials> {
  const out = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: "member" }),
  );
  return credentialsOf(out);
}

/** A sandbox developer: a session of the sandbox's AWSReservedSSO_PowerUserAccess role. */
function developerSts(): STSClient {
  const reserved = server.state.iam.getOrThrow(SANDBOX).roles.find((r) => r.roleName.startsWith("AWSReservedSSO_PowerUserAccess_"));
  server.admin.registerCredential({ accessKeyId: DEVELOPER_KEY, accountId: SANDBOX, roleName: reserved?.roleName });
  return new STSClient(simClientConfig(server, { credentials: { accessKeyId: DEVELOPER_KEY, secretAccessKey: "x" } }));
}

const policyId = (name: string): string => server.state.serviceControlPolicies.find((p) => p.name === name)?.id as string;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  org = new OrganizationsClient(simClientConfig(server, { region: "us-east-1" }));
  sts = new STSClient(simClientConfig(server));
});
afterAll(() => server.close());

describe("Organizations SCPs through the real SDK", () => {
  it("lists every SCP, AWS's FullAWSAccess first, paging with MaxResults", async () => {
    const policies = [];
    for await (const page of paginateListPolicies({ client: org, pageSize: 1 }, { Filter: "SERVICE_CONTROL_POLICY" })) {
      expect(page.Policies?.length).toBeLessThanOrEqual(1);
      policies.push(...(page.Policies ?? []));
    }
    expect(policies.map((p) => p.Name)).toEqual(["FullAWSAccess", "DenyLeaveOrganization", "ProtectAuditRole", "DenyAdminRoleAssumption"]);
    expect(policies[0]).toEqual({
      Id: "p-FullAWSAccess",
      Arn: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
      Name: "FullAWSAccess",
      Description: "Allows access to every operation",
      Type: "SERVICE_CONTROL_POLICY",
      AwsManaged: true,
    });
    const orgId = server.state.organization.id;
    for (const p of policies.slice(1)) {
      expect(p.Id).toMatch(/^p-[0-9a-z]{8}$/);
      expect(p.Arn).toBe(`arn:aws:organizations::${MANAGEMENT}:policy/${orgId}/service_control_policy/${p.Id}`);
      expect(p.AwsManaged).toBe(false);
    }
    const tags = await org.send(new ListPoliciesCommand({ Filter: "TAG_POLICY" }));
    expect(tags.Policies).toEqual([]);
    const roots = await org.send(new ListRootsCommand({}));
    expect(roots.Roots?.[0]?.PolicyTypes).toEqual([{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }]);
  });

  it("describes a policy with its content as plain JSON, and refuses unknown or malformed ids", async () => {
    const { Policy } = await org.send(new DescribePolicyCommand({ PolicyId: policyId("DenyAdminRoleAssumption") }));
    expect(Policy?.PolicySummary?.Name).toBe("DenyAdminRoleAssumption");
    expect(JSON.parse(Policy?.Content as string).Statement[0]).toMatchObject({ Effect: "Deny", Action: "sts:AssumeRole" });
    const unknown = await errorOf(org.send(new DescribePolicyCommand({ PolicyId: "p-zzzzzzzz" })));
    expect(unknown.name).toBe("PolicyNotFoundException");
    const malformed = await errorOf(org.send(new DescribePolicyCommand({ PolicyId: "policy-1" })));
    expect(malformed).toMatchObject({ name: "InvalidInputException", Reason: "INVALID_SYNTAX_POLICY_ID" });
  });

  it("lists FullAWSAccess's targets: the root, every OU and every account, across pages", async () => {
    const targets = [];
    for await (const page of paginateListTargetsForPolicy({ client: org, pageSize: 7 }, { PolicyId: "p-FullAWSAccess" })) {
      targets.push(...(page.Targets ?? []));
    }
    const s = server.state;
    expect(targets).toHaveLength(1 + s.organizationalUnits.length + s.accounts.length);
    expect(targets[0]).toEqual({ TargetId: s.roots[0]?.id, Arn: s.roots[0]?.arn, Name: "Root", Type: "ROOT" });
    expect(targets.filter((t) => t.Type === "ACCOUNT").map((t) => t.TargetId)).toEqual(s.accounts.map((a) => a.id));
    const denyAdmin = [];
    for await (const page of paginateListTargetsForPolicy({ client: org }, { PolicyId: policyId("DenyAdminRoleAssumption") })) {
      denyAdmin.push(...(page.Targets ?? []));
    }
    expect(denyAdmin.map((t) => `${t.Type}:${t.Name}`)).toEqual(["ORGANIZATIONAL_UNIT:Sandbox", "ORGANIZATIONAL_UNIT:Dev"]);
  });

  it("lists the policies attached directly to a root, an OU or an account", async () => {
    const names = async (TargetId: string) =>
      ((await org.send(new ListPoliciesForTargetCommand({ TargetId, Filter: "SERVICE_CONTROL_POLICY" }))).Policies ?? []).map(
        (p) => p.Name,
      );
    expect(await names(server.state.roots[0]?.id as string)).toEqual(["FullAWSAccess", "DenyLeaveOrganization", "ProtectAuditRole"]);
    const sandboxOu = server.state.organizationalUnits.find((o) => o.name === "Sandbox")?.id as string;
    expect(await names(sandboxOu)).toEqual(["FullAWSAccess", "DenyAdminRoleAssumption"]);
    expect(await names(SANDBOX)).toEqual(["FullAWSAccess"]);
    const missing = await errorOf(
      org.send(new ListPoliciesForTargetCommand({ TargetId: "999999999999", Filter: "SERVICE_CONTROL_POLICY" })),
    );
    expect(missing.name).toBe("TargetNotFoundException");
    const badFilter = await errorOf(org.send(new ListPoliciesForTargetCommand({ TargetId: SANDBOX, Filter: "NOPE" as never })));
    expect(badFilter).toMatchObject({ name: "InvalidInputException", Reason: "INVALID_ENUM_POLICY_TYPE" });
  });

  it("refuses the policy reads to a member account but lets it describe its organization", async () => {
    const member = new OrganizationsClient(simClientConfig(server, { credentials: await memberCredentials(PAYMENTS_STAGING) }));
    const denied = await errorOf(member.send(new ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" })));
    expect(denied.name).toBe("AccessDeniedException");
    const deniedTargets = await errorOf(
      member.send(new ListPoliciesForTargetCommand({ TargetId: PAYMENTS_STAGING, Filter: "SERVICE_CONTROL_POLICY" })),
    );
    expect(deniedTargets.name).toBe("AccessDeniedException");
    const { Organization } = await member.send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({ Id: server.state.organization.id, MasterAccountId: MANAGEMENT, FeatureSet: "ALL" });
    expect(Organization?.AvailablePolicyTypes).toEqual([]);
    const fromManagement = await org.send(new DescribeOrganizationCommand({}));
    expect(fromManagement.Organization?.AvailablePolicyTypes).toEqual([{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }]);
  });
});

describe("AssumeRole under service control policies", () => {
  it("refuses a trust-allowed AssumeRole that an SCP on the caller's OU denies, saying so", async () => {
    const developer = developerSts();
    const roleArn = `arn:aws:iam::${SANDBOX}:role/SandboxAdmin`;
    const denied = await errorOf(developer.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "dev" })));
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toBe(
      `User: arn:aws:sts::${SANDBOX}:assumed-role/${server.state.iam.getOrThrow(SANDBOX).roles.find((r) => r.roleName.startsWith("AWSReservedSSO_PowerUserAccess_"))?.roleName}/sim is not authorized to perform: sts:AssumeRole on resource: ${roleArn} with an explicit deny in a service control policy`,
    );
    const events = server.state.cloudTrail.list(SANDBOX, "us-east-1").filter((e) => e.eventName === "AssumeRole");
    expect(events[0]?.body).toMatchObject({ errorCode: "AccessDenied" });
  });

  it("allows the same caller into a role the deny does not name", async () => {
    const developer = developerSts();
    const reserved = server.state.iam.getOrThrow(SANDBOX).roles.find((r) => r.roleName.startsWith("AWSReservedSSO_PowerUserAccess_"));
    server.admin.setTrustPolicy(SANDBOX, "VigilAuditRole", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: reserved?.arn }, Action: "sts:AssumeRole" }],
    });
    const out = await developer.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${SANDBOX}:role/VigilAuditRole`, RoleSessionName: "dev" }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${SANDBOX}:assumed-role/VigilAuditRole/dev`);
  });

  it("never restricts the management account, and follows SCPs attached and detached through the admin API", async () => {
    const denyAll = server.admin.createServiceControlPolicy({
      name: "DenyAllAssumeRole",
      document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "sts:*", Resource: "*" }] },
      targets: [MANAGEMENT, PAYMENTS_STAGING],
    });
    // The management account's own callers are exempt from every SCP.
    await expect(memberCredentials(PAYMENTS_STAGING)).resolves.toBeDefined();
    const stagingRole = await memberCredentials(PAYMENTS_STAGING).then(
      (credentials) => new STSClient(simClientConfig(server, { credentials })),
    );
    const attached = await errorOf(
      stagingRole.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PAYMENTS_STAGING}:role/VigilAuditRole`, RoleSessionName: "staging" }),
      ),
    );
    expect(attached.message).toMatch(/with an explicit deny in a service control policy$/);

    const res = await fetch(`${server.url}/_sim/organizations/policies/${denyAll.id}/targets/${PAYMENTS_STAGING}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    // VigilAuditRole trusts the management root only, so the trust policy now refuses it as before.
    const trustOnly = await errorOf(
      stagingRole.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PAYMENTS_STAGING}:role/VigilAuditRole`, RoleSessionName: "staging" }),
      ),
    );
    expect(trustOnly.message).not.toMatch(/service control policy/);
  });

  it("refuses when a level of the path has no SCP allowing the action (implicit deny)", async () => {
    const developer = developerSts();
    const s3Only = server.admin.createServiceControlPolicy({
      name: "S3Only",
      document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] },
      targets: [SANDBOX],
    });
    server.admin.detachServiceControlPolicy("p-FullAWSAccess", SANDBOX);
    try {
      const denied = await errorOf(
        developer.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${SANDBOX}:role/VigilAuditRole`, RoleSessionName: "dev" })),
      );
      expect(denied.message).toMatch(/because no service control policy allows the sts:AssumeRole action$/);
      expect(() => server.admin.detachServiceControlPolicy(s3Only.id, SANDBOX)).toThrow(/at least one SCP/);
    } finally {
      server.admin.attachServiceControlPolicy("p-FullAWSAccess", SANDBOX);
    }
    const allowed = await developer.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${SANDBOX}:role/VigilAuditRole`, RoleSessionName: "dev" }),
    );
    expect(allowed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it("validates admin input and changes nothing on a refused call", async () => {
    const before = server.state.serviceControlPolicies.length;
    expect(() => server.admin.createServiceControlPolicy({ name: "Broken", document: "{not json", targets: [SANDBOX] })).toThrow(
      /policy document/,
    );
    expect(() => server.admin.createServiceControlPolicy({ name: "FullAWSAccess", document: { Statement: [] } })).toThrow(/already exists/);
    expect(() =>
      server.admin.createServiceControlPolicy({
        name: "Huge",
        document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*", Sid: "x".repeat(6000) }] },
      }),
    ).toThrow(/5120 characters/);
    expect(() => server.admin.updateServiceControlPolicy("p-FullAWSAccess", { description: "mine" })).toThrow(/AWS managed/);
    const res = await fetch(`${server.url}/_sim/organizations/policies`, {
      method: "POST",
      body: JSON.stringify({ name: "Orphan", document: { Version: "2012-10-17", Statement: [] }, targets: ["ou-nope-12345678"] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown SCP target/);
    expect(server.state.serviceControlPolicies).toHaveLength(before);
  });
});
