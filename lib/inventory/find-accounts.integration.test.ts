import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findAccounts, type FindAccountsInput } from "./find-accounts";
import { findOuPaths } from "./find-filter-options";
import { getAccount } from "./get-account";
import { makeAccount, makeCredentialRow, makeIamUser, makeRole, recordSnapshot } from "./testing/inventory-fixtures";

const database = useTestDatabase();
let first: number;
let second: number;

const list = (input: Partial<FindAccountsInput> & { snapshotId: number }) =>
  findAccounts(database.db, { sort: "name", dir: "asc", page: 1, pageSize: 50, ...input });

beforeAll(async () => {
  const prod = makeAccount("111111111111", { name: "prod", ouPath: "Root/Workloads/prod", tags: { env: "prod" } });
  const dev = makeAccount("222222222222", { name: "dev", ouPath: "Root/Workloads/dev" });
  const audit = makeAccount("333333333333", { name: "audit", ouPath: "Root/Security", email: "security@example.com" });
  first = await recordSnapshot(database.db, [
    prod,
    dev,
    audit,
    makeRole("111111111111", "app"),
    makeRole("111111111111", "deploy"),
    makeIamUser("111111111111", "ci"),
    makeCredentialRow("111111111111", "<root_account>", { mfaActive: true }),
  ]);
  // Given a second snapshot where dev was renamed, audit left and a new account joined
  second = await recordSnapshot(database.db, [
    prod,
    makeAccount("222222222222", { name: "development", ouPath: "Root/Workloads/dev" }),
    makeAccount("444444444444", { name: "sandbox", ouPath: "Root/Sandbox", status: "SUSPENDED" }),
    makeRole("111111111111", "app"),
  ]);
});

describe("findAccounts", () => {
  it("lists each account as the chosen snapshot saw it", async () => {
    const before = await list({ snapshotId: first });
    const after = await list({ snapshotId: second });
    expect(before.rows.map((a) => a.name)).toEqual(["audit", "dev", "prod"]);
    expect(after.rows.map((a) => a.name)).toEqual(["development", "prod", "sandbox"]);
    expect(after.total).toBe(3);
  });

  it("counts the roles and users an account held in that snapshot", async () => {
    const [prodBefore] = (await list({ snapshotId: first, search: "prod" })).rows;
    const [prodAfter] = (await list({ snapshotId: second, search: "prod" })).rows;
    expect(prodBefore).toMatchObject({ roleCount: 2, userCount: 1, tags: { env: "prod" } });
    expect(prodAfter).toMatchObject({ roleCount: 1, userCount: 0 });
  });

  it("searches id, name and email case-insensitively, treating LIKE wildcards literally", async () => {
    expect((await list({ snapshotId: first, search: "SECURITY@" })).rows.map((a) => a.id)).toEqual(["333333333333"]);
    expect((await list({ snapshotId: first, search: "2222" })).rows.map((a) => a.name)).toEqual(["dev"]);
    expect((await list({ snapshotId: first, search: "%" })).total).toBe(0);
  });

  it("filters by OU path including nested OUs, but not by a mere name prefix", async () => {
    expect((await list({ snapshotId: first, ouPath: "Root/Workloads" })).rows.map((a) => a.name)).toEqual(["dev", "prod"]);
    expect((await list({ snapshotId: first, ouPath: "Root/Work" })).total).toBe(0);
  });

  it("filters by status and sorts descending by any column", async () => {
    expect((await list({ snapshotId: second, status: "SUSPENDED" })).rows.map((a) => a.name)).toEqual(["sandbox"]);
    expect((await list({ snapshotId: second, sort: "id", dir: "desc" })).rows.map((a) => a.id)).toEqual([
      "444444444444",
      "222222222222",
      "111111111111",
    ]);
  });

  it("pages without overlap and reports the filtered total", async () => {
    const page1 = await list({ snapshotId: first, pageSize: 2, page: 1 });
    const page2 = await list({ snapshotId: first, pageSize: 2, page: 2 });
    const page3 = await list({ snapshotId: first, pageSize: 2, page: 3 });
    expect(page1.rows.map((a) => a.name)).toEqual(["audit", "dev"]);
    expect(page2.rows.map((a) => a.name)).toEqual(["prod"]);
    expect(page3).toMatchObject({ rows: [], total: 3 });
  });

  it("answers with the page contract: rows, total, and the paging and sort it applied", async () => {
    const page = await list({ snapshotId: first, sort: "email", dir: "desc", pageSize: 2, page: 2 });
    expect(page).toEqual({
      rows: [expect.objectContaining({ name: "prod" })],
      total: 3,
      page: 2,
      pageSize: 2,
      sort: { by: "email", dir: "desc" },
    });
  });
});

describe("getAccount and findOuPaths", () => {
  it("returns an account with its root credential posture, or null where the snapshot lacks it", async () => {
    expect(await getAccount(database.db, first, "111111111111")).toMatchObject({
      name: "prod",
      root: { mfaActive: true, hasActiveAccessKey: false },
    });
    expect(await getAccount(database.db, second, "111111111111")).toMatchObject({ root: null });
    expect(await getAccount(database.db, second, "333333333333")).toBeNull();
  });

  it("offers every OU path and its ancestors", async () => {
    expect(await findOuPaths(database.db, first)).toEqual([
      "Root",
      "Root/Security",
      "Root/Workloads",
      "Root/Workloads/dev",
      "Root/Workloads/prod",
    ]);
  });
});
