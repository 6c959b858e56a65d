import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IAMClient, paginateGetAccountAuthorizationDetails } from "@aws-sdk/client-iam";
import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { IdentitystoreClient, paginateListUsers } from "@aws-sdk/client-identitystore";
import { startSimServer, type SimServer } from "./index";
import { credentialsOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;

// Start-up time is measured by `npm run bench:sim` (bench/results/sim-startup.json), not asserted here.
beforeAll(async () => {
  server = await startSimServer({ scenario: "scale:2000", now: TEST_NOW });
});
afterAll(() => server.close());

describe("scale:2000", () => {
  it("holds the organization's full size", () => {
    expect(server.state.accounts).toHaveLength(2000);
    expect(server.state.identityCenter.users).toHaveLength(5000);
    expect(server.state.identityCenter.groups).toHaveLength(200);
    expect(server.state.identityCenter.permissionSets).toHaveLength(50);
  });

  it("serves a deep account's 60 roles through GAAD after AssumeRole", async () => {
    const account = server.state.accounts[1777];
    const sts = new STSClient(simClientConfig(server));
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account?.id}:role/VigilAuditRole`, RoleSessionName: "bench" }),
    );
    const iam = new IAMClient(simClientConfig(server, { credentials: credentialsOf(assumed) }));
    let roles = 0;
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam }, { Filter: ["Role"] }))
      roles += page.RoleDetailList?.length ?? 0;
    expect(roles).toBe(60);
  });

  it("pages Organizations and Identity Store at full size", async () => {
    const org = new OrganizationsClient(simClientConfig(server));
    expect((await org.send(new ListAccountsCommand({}))).Accounts).toHaveLength(20);
    const store = new IdentitystoreClient(simClientConfig(server));
    let users = 0;
    for await (const page of paginateListUsers(
      { client: store, pageSize: 100 },
      { IdentityStoreId: server.state.identityCenter.instance.identityStoreId },
    ))
      users += page.Users?.length ?? 0;
    expect(users).toBe(5000);
  });
});
