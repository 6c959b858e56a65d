import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  ListChildrenCommand,
  OrganizationsClient,
  paginateListChildren,
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

const ouNamed = (name: string) => {
  const ou = server.state.organizationalUnits.find((o) => o.name === name);
  if (ou === undefined) throw new Error(`no OU ${name}`);
  return ou;
};

describe("Organizations tree reads through the real SDK", () => {
  it("describes one account as ListAccounts shows it", async () => {
    const out = await org.send(new DescribeAccountCommand({ AccountId: "590123456780" }));
    expect(out.Account).toMatchObject({
      Id: "590123456780",
      Arn: `arn:aws:organizations::210987654321:account/${server.state.organization.id}/590123456780`,
      Name: "payments-prod",
      Email: "aws+payments-prod@acme-fintech.example",
      Status: "ACTIVE",
      JoinedMethod: expect.any(String),
    });
    expect(out.Account?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it("answers AccountNotFoundException for an account outside the organization, and InvalidInputException for a malformed id", async () => {
    const unknown = await errorOf(org.send(new DescribeAccountCommand({ AccountId: "999999999999" })));
    expect(unknown.name).toBe("AccountNotFoundException");
    const malformed = await errorOf(org.send(new DescribeAccountCommand({ AccountId: "12345" })));
    expect(malformed.name).toBe("InvalidInputException");
  });

  it("lists a root's OUs and accounts separately by ChildType, paging by MaxResults", async () => {
    const rootId = server.state.roots[0]?.id as string;
    const ous: string[] = [];
    for await (const page of paginateListChildren({ client: org, pageSize: 1 }, { ParentId: rootId, ChildType: "ORGANIZATIONAL_UNIT" })) {
      expect(page.Children?.length).toBeLessThanOrEqual(1);
      for (const child of page.Children ?? []) {
        expect(child.Type).toBe("ORGANIZATIONAL_UNIT");
        ous.push(child.Id as string);
      }
    }
    expect(ous).toEqual(server.state.organizationalUnits.filter((o) => o.parentId === rootId).map((o) => o.id));
    const accounts = await org.send(new ListChildrenCommand({ ParentId: rootId, ChildType: "ACCOUNT" }));
    expect(accounts.Children?.map((c) => c.Id)).toEqual(server.state.accounts.filter((a) => a.parentId === rootId).map((a) => a.id));
    expect(accounts.Children?.map((c) => c.Id)).toContain("210987654321");
    const prod = await org.send(new ListChildrenCommand({ ParentId: ouNamed("Prod").id, ChildType: "ACCOUNT" }));
    expect(prod.Children).toEqual([
      { Id: "590123456780", Type: "ACCOUNT" },
      { Id: "501234567891", Type: "ACCOUNT" },
    ]);
  });

  it("answers ParentNotFoundException for an unknown parent and refuses a bad ChildType", async () => {
    const unknown = await errorOf(org.send(new ListChildrenCommand({ ParentId: "ou-zzzz-zzzzzzzz", ChildType: "ACCOUNT" })));
    expect(unknown.name).toBe("ParentNotFoundException");
    const badType = await errorOf(
      org.send(new ListChildrenCommand({ ParentId: server.state.roots[0]?.id, ChildType: "POLICY" as unknown as "ACCOUNT" })),
    );
    expect(badType.name).toBe("InvalidInputException");
  });

  it("describes an OU and answers OrganizationalUnitNotFoundException for an unknown one", async () => {
    const dev = ouNamed("Dev");
    const out = await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: dev.id }));
    expect(out.OrganizationalUnit).toMatchObject({ Id: dev.id, Arn: dev.arn, Name: "Dev" });
    const unknown = await errorOf(org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: "ou-zzzz-zzzzzzzz" })));
    expect(unknown.name).toBe("OrganizationalUnitNotFoundException");
  });

  it("refuses the tree reads to a member account with AccessDeniedException", async () => {
    const sts = new STSClient(simClientConfig(server));
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/VigilAuditRole", RoleSessionName: "vigil-test" }),
    );
    const member = new OrganizationsClient(simClientConfig(server, { credentials: credentialsOf(assumed) }));
    for (const command of [
      new DescribeAccountCommand({ AccountId: "590123456780" }),
      new ListChildrenCommand({ ParentId: server.state.roots[0]?.id, ChildType: "ACCOUNT" }),
      new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ouNamed("Prod").id }),
    ]) {
      const error = await errorOf(member.send(command as DescribeAccountCommand));
      expect(error.name).toBe("AccessDeniedException");
    }
  });
});
