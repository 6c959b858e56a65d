import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListTagsForResourceCommand,
  SSOAdminClient,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListPermissionSets,
  paginateListPermissionSetsProvisionedToAccount,
} from "@aws-sdk/client-sso-admin";
import {
  DescribeGroupCommand,
  DescribeUserCommand,
  IdentitystoreClient,
  ListGroupsCommand,
  paginateListGroupMemberships,
  paginateListUsers,
} from "@aws-sdk/client-identitystore";
import { startSimServer, type SimServer } from "./index";
import { errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;
let sso: SSOAdminClient;
let store: IdentitystoreClient;
let instanceArn: string;
let identityStoreId: string;

const psArn = (name: string) => server.state.identityCenter.permissionSets.find((p) => p.name === name)?.arn as string;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  sso = new SSOAdminClient(simClientConfig(server));
  store = new IdentitystoreClient(simClientConfig(server));
  const instances = await sso.send(new ListInstancesCommand({}));
  instanceArn = instances.Instances?.[0]?.InstanceArn as string;
  identityStoreId = instances.Instances?.[0]?.IdentityStoreId as string;
});
afterAll(() => server.close());

describe("SSO Admin through the real SDK", () => {
  it("lists the one instance with its identity store", () => {
    expect(instanceArn).toMatch(/^arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}$/);
    expect(identityStoreId).toMatch(/^d-[0-9a-f]{10}$/);
  });

  it("pages through every permission set", async () => {
    const arns: string[] = [];
    for await (const page of paginateListPermissionSets({ client: sso, pageSize: 3 }, { InstanceArn: instanceArn }))
      arns.push(...(page.PermissionSets ?? []));
    expect(arns).toEqual(server.state.identityCenter.permissionSets.map((p) => p.arn));
  });

  it("describes a permission set with its session duration", async () => {
    const out = await sso.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: psArn("ProdSupport") }));
    expect(out.PermissionSet?.Name).toBe("ProdSupport");
    expect(out.PermissionSet?.SessionDuration).toBe("PT12H");
    expect(out.PermissionSet?.CreatedDate).toBeInstanceOf(Date);
  });

  it("returns a plain-JSON inline policy, none on a proxy, and a proxy's (planted) managed policy", async () => {
    const inline = await sso.send(
      new GetInlinePolicyForPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: psArn("BastionOperator") }),
    );
    expect(JSON.parse(inline.InlinePolicy as string).Statement[0].Resource).toBe("arn:aws:iam::*:role/AssumableAdmin");
    const proxyInline = await sso.send(
      new GetInlinePolicyForPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: psArn("Data-Proxy") }),
    );
    expect(proxyInline.InlinePolicy ?? "").toBe("");
    const managed = await sso.send(
      new ListManagedPoliciesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: psArn("Data-Proxy") }),
    );
    expect(managed.AttachedManagedPolicies).toEqual([{ Name: "ReadOnlyAccess", Arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }]);
    const clean = await sso.send(
      new ListManagedPoliciesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: psArn("Payments-Proxy") }),
    );
    expect(clean.AttachedManagedPolicies).toEqual([]);
    const cmp = await sso.send(
      new ListCustomerManagedPolicyReferencesInPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: psArn("Payments-Proxy"),
      }),
    );
    expect(cmp.CustomerManagedPolicyReferences).toEqual([]);
  });

  it("answers ResourceNotFoundException when a permission set has no boundary", async () => {
    const error = await errorOf(
      sso.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: psArn("ReadOnlyAccess") })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
  });

  it("lists the accounts a permission set is provisioned to and the sets in an account", async () => {
    const accounts: string[] = [];
    for await (const page of paginateListAccountsForProvisionedPermissionSet(
      { client: sso, pageSize: 2 },
      { InstanceArn: instanceArn, PermissionSetArn: psArn("ProdSupport") },
    ))
      accounts.push(...(page.AccountIds ?? []));
    expect(accounts).toEqual(["590123456780", "501234567891"]);
    const sets: string[] = [];
    for await (const page of paginateListPermissionSetsProvisionedToAccount(
      { client: sso, pageSize: 2 },
      { InstanceArn: instanceArn, AccountId: "590123456780" },
    ))
      sets.push(...(page.PermissionSets ?? []));
    expect(sets).toContain(psArn("AdministratorAccess"));
    expect(sets).toHaveLength(
      new Set(server.state.identityCenter.assignments.filter((a) => a.accountId === "590123456780").map((a) => a.permissionSetArn)).size,
    );
  });

  it("shows the planted direct USER assignment next to group assignments", async () => {
    const out = await sso.send(
      new ListAccountAssignmentsCommand({
        InstanceArn: instanceArn,
        AccountId: "590123456780",
        PermissionSetArn: psArn("AdministratorAccess"),
      }),
    );
    const oliver = server.state.identityCenter.users.find((u) => u.userName.startsWith("oliver.grant"));
    expect(out.AccountAssignments).toEqual([
      { AccountId: "590123456780", PermissionSetArn: psArn("AdministratorAccess"), PrincipalType: "USER", PrincipalId: oliver?.userId },
    ]);
  });

  it("lists permission set tags and rejects MaxResults over 100", async () => {
    const tags = await sso.send(new ListTagsForResourceCommand({ InstanceArn: instanceArn, ResourceArn: psArn("Payments-Proxy") }));
    expect(tags.Tags).toContainEqual({ Key: "pattern", Value: "proxy" });
    expect(tags.Tags).toContainEqual({ Key: "vigil:proxy-target", Value: "PaymentsTeamRole" });
    const error = await errorOf(
      sso.send(
        new ListAccountAssignmentsCommand({
          InstanceArn: instanceArn,
          AccountId: "590123456780",
          PermissionSetArn: psArn("AdministratorAccess"),
          MaxResults: 101,
        }),
      ),
    );
    expect(error.name).toBe("ValidationException");
  });
});

describe("Identity Store through the real SDK", () => {
  it("pages through all forty users", async () => {
    const names: string[] = [];
    for await (const page of paginateListUsers({ client: store, pageSize: 7 }, { IdentityStoreId: identityStoreId }))
      names.push(...(page.Users ?? []).map((u) => u.UserName as string));
    expect(names).toHaveLength(40);
    expect(names).toEqual(server.state.identityCenter.users.map((u) => u.userName));
  });

  it("describes a user and a group and lists group members", async () => {
    const user = server.state.identityCenter.users[0];
    const described = await store.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: user?.userId }));
    expect(described.UserName).toBe(user?.userName);
    expect(described.Emails?.[0]?.Value).toBe(user?.email);
    const groups = await store.send(
      new ListGroupsCommand({
        IdentityStoreId: identityStoreId,
        Filters: [{ AttributePath: "DisplayName", AttributeValue: "payments-engineers" }],
      }),
    );
    const groupId = groups.Groups?.[0]?.GroupId as string;
    expect((await store.send(new DescribeGroupCommand({ IdentityStoreId: identityStoreId, GroupId: groupId }))).DisplayName).toBe(
      "payments-engineers",
    );
    const members: string[] = [];
    for await (const page of paginateListGroupMemberships(
      { client: store, pageSize: 3 },
      { IdentityStoreId: identityStoreId, GroupId: groupId },
    ))
      members.push(
        ...(page.GroupMemberships ?? []).map((m) => (m.MemberId && "UserId" in m.MemberId ? (m.MemberId.UserId as string) : "")),
      );
    expect(members).toHaveLength(8);
  });

  it("answers ResourceNotFoundException for an unknown user", async () => {
    const error = await errorOf(
      store.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: "0000000000-00000000-0000-4000-8000-000000000000" })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
  });
});
