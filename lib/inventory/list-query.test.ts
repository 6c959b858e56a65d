import { describe, expect, it } from "vitest";
import { accountListParams } from "./find-accounts";
import { roleListParams } from "./find-iam-roles";

const messages = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("list URL params", () => {
  it("fills defaults from an empty query", () => {
    expect(accountListParams.parse({})).toEqual({ sort: "name", dir: "asc", page: 1, pageSize: 50 });
  });

  it("names every bad param and what it accepts", () => {
    const result = accountListParams.safeParse({ sort: "nope", dir: "up", page: "0", pageSize: "5000", snapshot: "x" });
    expect(messages(result)).toEqual([
      "snapshot: snapshot must be a snapshot id",
      "sort: sort must be one of: name, id, email, ouPath, status, joinedAt",
      "page: page must be 1 or more",
      "pageSize: pageSize must be at most 200",
      "dir: dir must be asc or desc",
    ]);
  });

  it("treats an empty search as no filter and checks account ids", () => {
    expect(roleListParams.parse({ search: "  " }).search).toBeUndefined();
    expect(messages(roleListParams.safeParse({ accountId: "12" }))).toEqual(["accountId: accountId must be a 12-digit account id"]);
  });
});
