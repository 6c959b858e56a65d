import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectOrganization } from "../aws";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { startSimServer, type SimServer } from "../sim";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { searchInventory } from "./search-inventory";

const database = useTestDatabase();
let sim: SimServer;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0 });
  await takeSnapshot(database.db, {
    source: "LIVE",
    collect: (onProgress) => collectOrganization(makeSimAwsConfig(sim.url), { onProgress }),
  });
});
afterAll(async () => {
  await sim?.close();
});

describe("global search over the latest snapshot", () => {
  it("jumps to the one Identity Center user whose email is searched", async () => {
    const person = sim.state.identityCenter.users[0]!;
    const result = await searchInventory(database.db, { query: `  ${person.email.toUpperCase()} ` });
    expect(result.query.shape).toBe("email");
    expect(result.jumpTo).toMatchObject({ kind: "idc-user", key: person.userId, isExact: true });
  });

  it("jumps to an account by its id, and finds it by part of its name", async () => {
    const account = sim.state.accounts[1]!;
    const byId = await searchInventory(database.db, { query: account.id });
    expect(byId.jumpTo).toMatchObject({ kind: "account", key: account.id, label: account.name });
    const byName = await searchInventory(database.db, { query: account.name.slice(1, -1) });
    expect(byName.hits).toContainEqual(expect.objectContaining({ kind: "account", key: account.id }));
  });

  it("jumps to a role by its ARN and names the account it is in", async () => {
    const account = sim.state.accounts[1]!;
    const role = sim.state.iam.getOrThrow(account.id).roles[0]!;
    const result = await searchInventory(database.db, { query: role.arn });
    expect(result.query.shape).toBe("arn");
    expect(result.jumpTo).toMatchObject({ kind: "iam-role", key: role.arn, accountId: account.id, accountName: account.name });
  });

  it("lists a permission set's name and the reserved roles named after it, without jumping", async () => {
    const result = await searchInventory(database.db, { query: "AdministratorAccess" });
    expect(result.hits.filter((hit) => hit.kind === "permission-set").map((hit) => hit.label)).toContain("AdministratorAccess");
    expect(result.hits.some((hit) => hit.kind === "iam-role")).toBe(true);
    expect(result.jumpTo).toMatchObject({ kind: "permission-set", label: "AdministratorAccess" });
  });

  it("caps each kind and says so, and reads LIKE wildcards and hostile text literally", async () => {
    const many = await searchInventory(database.db, { query: "a", perKind: 2 });
    expect(many.isTruncated).toBe(true);
    expect(many.jumpTo).toBeNull();
    expect(many.hits.filter((hit) => hit.kind === "iam-role")).toHaveLength(2);
    for (const hostile of ["%", "%_%", '=HYPERLINK("x")', '\'; DROP TABLE "EntityVersion"; --']) {
      const result = await searchInventory(database.db, { query: hostile });
      expect(result.hits, hostile).toEqual([]);
    }
  });

  it("refuses empty and oversized queries", async () => {
    await expect(searchInventory(database.db, { query: "   " })).rejects.toThrow();
    await expect(searchInventory(database.db, { query: "x".repeat(201) })).rejects.toThrow();
  });
});
