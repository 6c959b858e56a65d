import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findIamUsers, type FindIamUsersInput } from "./find-iam-users";
import { makeAccount, makeCredentialRow, makeIamUser, recordSnapshot } from "./testing/inventory-fixtures";

const database = useTestDatabase();
const PROD = "111111111111";
let snapshotId: number;

const key = (lastRotatedAt: string, lastUsedAt: string | null) => ({
  active: true,
  lastRotatedAt,
  lastUsedAt,
  lastUsedRegion: null,
  lastUsedService: lastUsedAt ? "s3" : null,
});
const NO_KEY = { active: false, lastRotatedAt: null, lastUsedAt: null, lastUsedRegion: null, lastUsedService: null };

const list = (input: Partial<FindIamUsersInput> = {}) =>
  findIamUsers(database.db, { snapshotId, sort: "name", dir: "asc", page: 1, pageSize: 50, ...input });

beforeAll(async () => {
  snapshotId = await recordSnapshot(database.db, [
    makeAccount(PROD, { name: "prod" }),
    makeIamUser(PROD, "alice", { groupNames: ["admins"] }),
    makeCredentialRow(PROD, "alice", {
      passwordEnabled: true,
      mfaActive: true,
      passwordLastUsedAt: "2024-06-01T00:00:00.000Z",
      accessKeys: [NO_KEY, NO_KEY],
    }),
    makeIamUser(PROD, "ci-bot"),
    makeCredentialRow(PROD, "ci-bot", {
      accessKeys: [key("2022-01-01T00:00:00.000Z", "2024-06-02T00:00:00.000Z"), key("2024-01-01T00:00:00.000Z", null)],
    }),
    // Given a user created after the credential report was generated: no report row
    makeIamUser(PROD, "new-hire"),
    makeCredentialRow(PROD, "<root_account>"),
  ]);
});

describe("findIamUsers", () => {
  it("joins each user to its credential-report row and never lists the root row as a user", async () => {
    const { rows, total } = await list();
    expect(total).toBe(3);
    expect(rows.map((u) => u.userName)).toEqual(["alice", "ci-bot", "new-hire"]);
    expect(rows[0]).toMatchObject({ accountName: "prod", consoleAccess: true, mfaActive: true, groupNames: ["admins"] });
    expect(rows[1]?.accessKeys.map((k) => k.lastRotatedAt)).toEqual(["2022-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z"]);
    expect(rows[2]).toMatchObject({ hasCredentialReport: false, mfaActive: null, accessKeys: [] });
  });

  it("filters on MFA, console access and active keys, counting unknown as 'no'", async () => {
    expect((await list({ mfa: "no" })).rows.map((u) => u.userName)).toEqual(["ci-bot", "new-hire"]);
    expect((await list({ console: "yes" })).rows.map((u) => u.userName)).toEqual(["alice"]);
    expect((await list({ activeKeys: "yes" })).rows.map((u) => u.userName)).toEqual(["ci-bot"]);
  });

  it("sorts by access key age", async () => {
    const { rows } = await list({ sort: "key1RotatedAt", dir: "asc" });
    expect(rows[0]?.userName).toBe("ci-bot");
  });
});
