import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { countEntitiesAsOf } from "./count-entities-as-of";
import { makeAccount, makeIamUser, makeIdcUser, makeRole, recordSnapshot } from "./testing/inventory-fixtures";

const database = useTestDatabase();
const PROD = "111111111111";
const DEV = "222222222222";
const KINDS = ["ACCOUNT", "IAM_ROLE", "IAM_USER", "IDC_USER", "PERMISSION_SET"] as const;
let first: number;
let second: number;

describe("countEntitiesAsOf", () => {
  beforeAll(async () => {
    // Given a first snapshot with two accounts, three roles and one IAM user
    first = await recordSnapshot(database.db, [
      makeAccount(PROD),
      makeAccount(DEV),
      makeRole(PROD, "deploy"),
      makeRole(PROD, "old"),
      makeRole(DEV, "deploy"),
      makeIamUser(PROD, "ci"),
    ]);
    // And a second where one role is gone, one changed, one IAM user and one IdC user were added
    second = await recordSnapshot(database.db, [
      makeAccount(PROD),
      makeAccount(DEV),
      makeRole(PROD, "deploy", { maxSessionDuration: 7200 }),
      makeRole(DEV, "deploy"),
      makeIamUser(PROD, "ci"),
      makeIamUser(DEV, "legacy"),
      makeIdcUser("u-1", "alice"),
    ]);
  });

  it("counts each kind as of the latest snapshot, a changed entity once, with zeros for absent kinds", async () => {
    expect(await countEntitiesAsOf(database.db, second, KINDS)).toEqual({
      ACCOUNT: 2,
      IAM_ROLE: 2,
      IAM_USER: 2,
      IDC_USER: 1,
      PERMISSION_SET: 0,
    });
  });

  it("counts an older snapshot as it was, ignoring versions written after it", async () => {
    expect(await countEntitiesAsOf(database.db, first, KINDS)).toEqual({
      ACCOUNT: 2,
      IAM_ROLE: 3,
      IAM_USER: 1,
      IDC_USER: 0,
      PERMISSION_SET: 0,
    });
  });

  it("answers only the kinds asked for", async () => {
    expect(await countEntitiesAsOf(database.db, second, ["IAM_USER"])).toEqual({ IAM_USER: 2 });
    expect(await countEntitiesAsOf(database.db, second, [])).toEqual({});
  });
});
