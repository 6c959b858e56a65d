import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  ListSAMLProvidersCommand,
  ListUserPoliciesCommand,
  ListVirtualMFADevicesCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
} from "@aws-sdk/client-iam";
import { startSimServer, type ScenarioSpec, type SimServer } from "./index";
import { errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

const MANAGEMENT = "111111111111";
const MEMBER = "222222222222";
const allow = (action: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

/** Small organization whose management account holds every kind of per-entity policy. */
const SPEC: ScenarioSpec = {
  name: "entity-reads",
  seed: 7,
  organization: {
    managementAccount: { key: "management", id: MANAGEMENT },
    accounts: [{ key: "member", id: MEMBER }],
  },
  identityCenter: { users: [], groups: [], permissionSets: [], assignments: [] },
  iam: [
    {
      account: "management",
      rootMfa: true,
      passwordPolicy: { minimumPasswordLength: 14, requireSymbols: true, maxPasswordAge: 90, passwordReusePrevention: 24 },
      groups: [
        {
          name: "admins",
          managedPolicies: ["AdministratorAccess"],
          inlinePolicies: [{ name: "deny-billing", document: allow("aws-portal:*") }],
        },
        { name: "auditors", path: "/audit/", managedPolicies: ["SecurityAudit"] },
      ],
      users: [
        {
          name: "alice",
          groups: ["admins", "auditors"],
          managedPolicies: ["ReadOnlyAccess", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
          inlinePolicies: [{ name: "s3-read", document: allow("s3:GetObject") }],
          mfa: true,
          console: { passwordLastUsedDaysAgo: 1 },
        },
        { name: "bob" },
      ],
      roles: [
        {
          name: "Worker",
          trustPolicy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
          },
          managedPolicies: ["ReadOnlyAccess", "SecurityAudit", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
          inlinePolicies: [
            { name: "a-logs", document: allow("logs:*") },
            { name: "b-sqs", document: allow("sqs:*") },
            { name: "c-kms", document: allow("kms:Decrypt") },
          ],
        },
      ],
    },
    {
      account: "member",
      roles: [
        {
          name: "Reader",
          trustPolicy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: MANAGEMENT }, Action: "sts:AssumeRole" }],
          },
        },
      ],
    },
  ],
};

let server: SimServer;
let iam: IAMClient;
let memberIam: IAMClient;

beforeAll(async () => {
  server = await startSimServer({ scenario: SPEC, now: TEST_NOW });
  iam = new IAMClient(simClientConfig(server, { region: "us-east-1" }));
  server.admin.registerCredential({ accessKeyId: "AKIAMEMBERREADER0001", accountId: MEMBER, roleName: "Reader" });
  memberIam = new IAMClient(
    simClientConfig(server, { region: "us-east-1", credentials: { accessKeyId: "AKIAMEMBERREADER0001", secretAccessKey: "x" } }),
  );
});
afterAll(() => server.close());

describe("per-role policy reads", () => {
  it("pages attached and inline role policies to the end with AWS's Marker paging", async () => {
    const attached: string[] = [];
    for await (const page of paginateListAttachedRolePolicies({ client: iam, pageSize: 2 }, { RoleName: "Worker" })) {
      attached.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn as string));
    }
    expect(attached).toEqual([
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:iam::aws:policy/SecurityAudit",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    ]);
    const inline: string[] = [];
    let pages = 0;
    for await (const page of paginateListRolePolicies({ client: iam, pageSize: 2 }, { RoleName: "Worker" })) {
      pages++;
      inline.push(...(page.PolicyNames ?? []));
    }
    expect(inline).toEqual(["a-logs", "b-sqs", "c-kms"]);
    expect(pages).toBe(2);
  });

  it("filters attached policies by the policy's path", async () => {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "Worker", PathPrefix: "/service-role/" }));
    expect(page.AttachedPolicies).toEqual([
      { PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" },
    ]);
    expect(page.IsTruncated).toBe(false);
  });

  it("returns an inline role policy URL-encoded, as IAM does", async () => {
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: "Worker", PolicyName: "b-sqs" }));
    expect(got.RoleName).toBe("Worker");
    expect(got.PolicyName).toBe("b-sqs");
    expect(got.PolicyDocument).toContain("%22sqs%3A%2A%22");
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument as string))).toEqual(allow("sqs:*"));
  });

  it("answers NoSuchEntity for an unknown role or inline policy name", async () => {
    const noRole = await errorOf(iam.send(new ListRolePoliciesCommand({ RoleName: "Nope" })));
    expect(noRole.name).toBe("NoSuchEntityException");
    expect(noRole.message).toBe("The role with name Nope cannot be found.");
    const noPolicy = await errorOf(iam.send(new GetRolePolicyCommand({ RoleName: "Worker", PolicyName: "missing" })));
    expect(noPolicy.name).toBe("NoSuchEntityException");
    expect(noPolicy.message).toBe("The role policy with name missing cannot be found.");
  });

  it("refuses a Marker replayed for another role", async () => {
    const first = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "Worker", MaxItems: 1 }));
    expect(first.IsTruncated).toBe(true);
    const replayed = await errorOf(iam.send(new ListAttachedUserPoliciesCommand({ UserName: "alice", Marker: first.Marker })));
    expect(replayed.name).toBe("InvalidInputException");
  });
});

describe("per-user and per-group reads", () => {
  it("lists a user's attached and inline policies and reads one", async () => {
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "alice" }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["ReadOnlyAccess", "AWSLambdaBasicExecutionRole"]);
    const inline = await iam.send(new ListUserPoliciesCommand({ UserName: "alice" }));
    expect(inline.PolicyNames).toEqual(["s3-read"]);
    const doc = await iam.send(new GetUserPolicyCommand({ UserName: "alice", PolicyName: "s3-read" }));
    expect(doc.UserName).toBe("alice");
    expect(JSON.parse(decodeURIComponent(doc.PolicyDocument as string))).toEqual(allow("s3:GetObject"));
    const empty = await iam.send(new ListUserPoliciesCommand({ UserName: "bob" }));
    expect(empty.PolicyNames).toEqual([]);
    const missing = await errorOf(iam.send(new GetUserPolicyCommand({ UserName: "bob", PolicyName: "s3-read" })));
    expect(missing.message).toBe("The user policy with name s3-read cannot be found.");
  });

  it("lists groups (with a path filter), a user's groups, and a group's policies", async () => {
    const all = await iam.send(new ListGroupsCommand({}));
    expect(all.Groups?.map((g) => [g.GroupName, g.Path, g.Arn])).toEqual([
      ["admins", "/", `arn:aws:iam::${MANAGEMENT}:group/admins`],
      ["auditors", "/audit/", `arn:aws:iam::${MANAGEMENT}:group/audit/auditors`],
    ]);
    expect(all.Groups?.[0]?.GroupId).toMatch(/^AGPA[A-Z0-9]{17}$/);
    expect(all.Groups?.[0]?.CreateDate).toBeInstanceOf(Date);
    const audit = await iam.send(new ListGroupsCommand({ PathPrefix: "/audit/" }));
    expect(audit.Groups?.map((g) => g.GroupName)).toEqual(["auditors"]);
    const forAlice = await iam.send(new ListGroupsForUserCommand({ UserName: "alice" }));
    expect(forAlice.Groups?.map((g) => g.GroupName)).toEqual(["admins", "auditors"]);
    const forBob = await iam.send(new ListGroupsForUserCommand({ UserName: "bob" }));
    expect(forBob.Groups).toEqual([]);
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: "admins" }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual(["arn:aws:iam::aws:policy/AdministratorAccess"]);
    const inline = await iam.send(new ListGroupPoliciesCommand({ GroupName: "admins" }));
    expect(inline.PolicyNames).toEqual(["deny-billing"]);
    const doc = await iam.send(new GetGroupPolicyCommand({ GroupName: "admins", PolicyName: "deny-billing" }));
    expect(doc.GroupName).toBe("admins");
    expect(JSON.parse(decodeURIComponent(doc.PolicyDocument as string))).toEqual(allow("aws-portal:*"));
  });

  it("answers NoSuchEntity for unknown users and groups", async () => {
    const user = await errorOf(iam.send(new ListGroupsForUserCommand({ UserName: "carol" })));
    expect(user.name).toBe("NoSuchEntityException");
    expect(user.message).toBe("The user with name carol cannot be found.");
    const group = await errorOf(iam.send(new ListGroupPoliciesCommand({ GroupName: "nobody" })));
    expect(group.name).toBe("NoSuchEntityException");
    expect(group.message).toBe("The group with name nobody cannot be found.");
  });
});

describe("account-level reads", () => {
  it("lists the root's and users' virtual MFA devices with their users", async () => {
    const devices = await iam.send(new ListVirtualMFADevicesCommand({}));
    expect(devices.VirtualMFADevices?.map((d) => [d.SerialNumber, d.User?.Arn])).toEqual([
      [`arn:aws:iam::${MANAGEMENT}:mfa/root-account-mfa-device`, `arn:aws:iam::${MANAGEMENT}:root`],
      [`arn:aws:iam::${MANAGEMENT}:mfa/alice`, `arn:aws:iam::${MANAGEMENT}:user/alice`],
    ]);
    expect(devices.VirtualMFADevices?.[0]?.User?.UserId).toBe(MANAGEMENT);
    expect(devices.VirtualMFADevices?.[1]?.EnableDate).toBeInstanceOf(Date);
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }));
    expect(unassigned.VirtualMFADevices).toEqual([]);
    const member = await memberIam.send(new ListVirtualMFADevicesCommand({}));
    expect(member.VirtualMFADevices?.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${MEMBER}:mfa/root-account-mfa-device`]);
  });

  it("lists SAML and OpenID Connect providers", async () => {
    const demo = await startSimServer({ scenario: "demo", now: TEST_NOW });
    try {
      const client = new IAMClient(simClientConfig(demo, { region: "us-east-1" }));
      const saml = await client.send(new ListSAMLProvidersCommand({}));
      const provider = saml.SAMLProviderList?.[0];
      expect(provider?.Arn).toMatch(/^arn:aws:iam::210987654321:saml-provider\/AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/);
      expect(provider?.ValidUntil?.getTime()).toBeGreaterThan((provider?.CreateDate as Date).getTime());
      const oidc = await client.send(new ListOpenIDConnectProvidersCommand({}));
      expect(oidc.OpenIDConnectProviderList).toEqual([]);
    } finally {
      await demo.close();
    }
  });

  it("summarises the account with the SummaryMap keys AWS returns", async () => {
    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
    expect(summary).toMatchObject({
      Users: 2,
      Groups: 2,
      Roles: 1,
      Policies: 0,
      MFADevices: 2,
      MFADevicesInUse: 2,
      AccountMFAEnabled: 1,
      AccountAccessKeysPresent: 0,
      UsersQuota: 5000,
      AccessKeysPerUserQuota: 2,
      AttachedPoliciesPerRoleQuota: 10,
    });
    const member = (await memberIam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
    expect(member.Users).toBe(0);
  });

  it("returns the password policy where one is set and NoSuchEntity where none is", async () => {
    const policy = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    expect(policy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
    });
    const none = await errorOf(memberIam.send(new GetAccountPasswordPolicyCommand({})));
    expect(none.name).toBe("NoSuchEntityException");
    expect(none.message).toBe(`The Password Policy with domain name ${MEMBER} cannot be found.`);
    expect(none.$metadata?.httpStatusCode).toBe(404);
  });
});
