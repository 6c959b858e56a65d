import { ListRolesCommand, type ListRolesCommandOutput } from "@aws-sdk/client-iam";
import { ListUsersCommand, type ListUsersCommandOutput } from "@aws-sdk/client-identitystore";
import { describe, expect, it } from "vitest";
import { collectAll, MARKER, NEXT_TOKEN, PaginationLoopError } from "./paginate";

/** Serves canned pages keyed by the token the command carries; records the tokens it saw. */
function makePagedClient<Out>(pages: Record<string, Out>) {
  const seen: Array<string | undefined> = [];
  return {
    seen,
    async send(command: { input: object }): Promise<Out> {
      const input = command.input as { Marker?: string; NextToken?: string };
      const token = input.Marker ?? input.NextToken;
      seen.push(token);
      const page = pages[token ?? ""];
      if (!page) throw new Error(`no page for ${token}`);
      return page;
    },
  };
}

const meta = { $metadata: {} };
const role = (name: string) => ({ RoleName: name, Path: "/", RoleId: name, Arn: name, CreateDate: new Date(0) });

describe("paginate", () => {
  it("follows IAM markers while IsTruncated is true and passes the input along", async () => {
    const client = makePagedClient<ListRolesCommandOutput>({
      "": { ...meta, Roles: [role("a")], IsTruncated: true, Marker: "m1" },
      m1: { ...meta, Roles: [role("b"), role("c")], IsTruncated: false, Marker: "ignored-because-not-truncated" },
    });
    const roles = await collectAll({ client, command: ListRolesCommand, input: { MaxItems: 2 }, items: (p) => p.Roles, tokens: MARKER });
    expect(roles.map((r) => r.RoleName)).toEqual(["a", "b", "c"]);
    expect(client.seen).toEqual([undefined, "m1"]);
  });

  it("keeps going through empty pages until NextToken is absent", async () => {
    const client = makePagedClient<ListUsersCommandOutput>({
      "": { ...meta, Users: [], NextToken: "t1" },
      t1: { ...meta, Users: [{ UserId: "u1", IdentityStoreId: "d-1" }], NextToken: "t2" },
      t2: { ...meta, Users: [] },
    });
    const users = await collectAll({
      client,
      command: ListUsersCommand,
      input: { IdentityStoreId: "d-1" },
      items: (p) => p.Users,
      tokens: NEXT_TOKEN,
    });
    expect(users.map((u) => u.UserId)).toEqual(["u1"]);
    expect(client.seen).toEqual([undefined, "t1", "t2"]);
  });

  it("stops with an error when the service repeats a token instead of looping forever", async () => {
    const client = makePagedClient<ListUsersCommandOutput>({
      "": { ...meta, Users: [], NextToken: "same" },
      same: { ...meta, Users: [], NextToken: "same" },
    });
    await expect(
      collectAll({ client, command: ListUsersCommand, input: { IdentityStoreId: "d-1" }, items: (p) => p.Users, tokens: NEXT_TOKEN }),
    ).rejects.toBeInstanceOf(PaginationLoopError);
  });
});
