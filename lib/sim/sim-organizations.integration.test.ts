import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListParentsCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListOrganizationalUnitsForParent,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { startSimServer, type SimServer } from "./index";
import { credentialsOf, errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;
let org: OrganizationsClient;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  org = new OrganizationsClient(simClientConfig(server));
});
afterAll(() => server.close());

describe("Organizations through the real SDK", () => {
  it("describes the organization with the management account", async () => {
    const out = await org.send(new DescribeOrganizationCommand({}));
    expect(out.Organization?.Id).toBe(server.state.organization.id);
    expect(out.Organization?.MasterAccountId).toBe("210987654321");
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("pages through every account five at a time", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListAccounts({ client: org, pageSize: 5 }, {})) {
      pages++;
      ids.push(...(page.Accounts ?? []).map((a) => a.Id as string));
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(server.state.accounts.map((a) => a.id));
    const prod = (await org.send(new ListAccountsCommand({}))).Accounts?.find((a) => a.Name === "payments-prod");
    expect(prod?.State).toBe("ACTIVE");
    expect(prod?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it("rejects MaxResults above 20 as Organizations does", async () => {
    const error = await errorOf(org.send(new ListAccountsCommand({ MaxResults: 21 })));
    expect(error.name).toBe("InvalidInputException");
  });

  it("walks the OU tree from the root and finds an account's parent", async () => {
    const roots = await org.send(new ListRootsCommand({}));
    const rootId = roots.Roots?.[0]?.Id as string;
    const top: string[] = [];
    for await (const page of paginateListOrganizationalUnitsForParent({ client: org, pageSize: 1 }, { ParentId: rootId }))
      top.push(...(page.OrganizationalUnits ?? []).map((o) => o.Name as string));
    expect(top).toEqual(["Security", "Infrastructure", "Workloads", "Sandbox"]);
    const parents = await org.send(new ListParentsCommand({ ChildId: "590123456780" }));
    const prodOu = server.state.organizationalUnits.find((o) => o.name === "Prod");
    expect(parents.Parents).toEqual([{ Id: prodOu?.id, Type: "ORGANIZATIONAL_UNIT" }]);
  });

  it("lists account tags", async () => {
    const tags = await org.send(new ListTagsForResourceCommand({ ResourceId: "590123456780" }));
    expect(tags.Tags).toContainEqual({ Key: "environment", Value: "prod" });
  });

  it("answers AccessDeniedException to credentials from a member account", async () => {
    const sts = new STSClient(simClientConfig(server));
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/VigilAuditRole", RoleSessionName: "vigil" }),
    );
    const member = new OrganizationsClient(simClientConfig(server, { credentials: credentialsOf(assumed) }));
    const error = await errorOf(member.send(new ListAccountsCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });
});
