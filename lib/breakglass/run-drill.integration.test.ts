import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientPool, resolveAwsConfig, type ClientPool } from "../aws";
import { startSimServer, type SimServer } from "../sim";
import { TEST_NOW } from "../sim/testing/sim-client-config";
import { useTestDatabase } from "../testing/use-test-database";
import { registerCredential } from "../vault";
import { useTestVaultKeyring } from "../vault/testing";
import { listDrillFailures, rotationClientsFromPool, runBreakglassDrill } from ".";

const database = useTestDatabase();
useTestVaultKeyring();
let sim: SimServer;
let pool: ClientPool;
let accountId: string;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0, now: TEST_NOW });
  pool = createClientPool(
    resolveAwsConfig({
      endpoint: sim.url,
      region: "us-east-1",
      credentials: async () => ({ accessKeyId: "AKIAVIGILTEST0000000", secretAccessKey: "test" }),
      maxAttempts: 2,
    }),
  );
  accountId = sim.state.accounts.find((a) => a.id !== sim.state.organization.managementAccountId && a.state === "ACTIVE")!.id;
});
afterAll(async () => {
  pool?.destroy();
  await sim?.close();
});

const iamFor = (id: string) => rotationClientsFromPool(pool, sim.state.organization.managementAccountId)(id).iam;
const fastReport = { reportPolling: { initialDelayMs: 0, maxDelayMs: 10, timeoutMs: 5_000 } };

async function register(userName: string, key: { accessKeyId: string; secretAccessKey: string } | null, password: string | null = null) {
  return registerCredential(
    database.db,
    {
      accountId,
      iamUserName: userName,
      maxCheckoutMinutes: 60,
      ...(password ? { password } : {}),
      ...(key ? { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } : {}),
    },
    { actor: { type: "system", name: "test" } },
  );
}

describe("daily drill against IAM (simulator)", () => {
  it("a healthy credential passes; each drift is a recorded drill failure naming what is wrong", async () => {
    // Given: one healthy user, one without MFA, one whose vault key is not in IAM, one deleted user, one with an extra key
    const healthy = sim.admin.addIamUser(accountId, { userName: "bg-healthy", consolePassword: true, mfa: true, withAccessKey: true });
    const noMfa = sim.admin.addIamUser(accountId, { userName: "bg-nomfa", mfa: false, withAccessKey: true });
    sim.admin.addIamUser(accountId, { userName: "bg-wrongkey", mfa: true, withAccessKey: true });
    const extra = sim.admin.addIamUser(accountId, { userName: "bg-extrakey", mfa: true, withAccessKey: true });
    const ids = {
      healthy: (await register("bg-healthy", healthy.accessKey!, "Healthy-Password-1!")).id,
      noMfa: (await register("bg-nomfa", noMfa.accessKey!)).id,
      wrongKey: (await register("bg-wrongkey", { accessKeyId: "AKIANOTINIAM00000001", secretAccessKey: "x".repeat(40) })).id,
      gone: (await register("bg-gone", null, "Some-Password-1!")).id,
      extraKey: (await register("bg-extrakey", extra.accessKey!)).id,
    };
    // the extra key: made in IAM behind the vault's back
    const { CreateAccessKeyCommand } = await import("@aws-sdk/client-iam");
    await iamFor(accountId).send(new CreateAccessKeyCommand({ UserName: "bg-extrakey" }));
    // When the drill runs
    const results = await runBreakglassDrill(database.db, iamFor, fastReport);
    const byId = new Map(results.map((r) => [r.credentialId, r]));
    // Then
    expect(byId.get(ids.healthy)).toMatchObject({ isPassed: true, problems: [] });
    expect(byId.get(ids.noMfa)?.problems.map((p) => p.check)).toEqual(["mfa"]);
    expect(byId.get(ids.wrongKey)?.problems.map((p) => p.check)).toEqual(["access-key", "access-key"]);
    expect(byId.get(ids.gone)?.problems).toEqual([{ check: "user-exists", message: `IAM user bg-gone no longer exists in ${accountId}` }]);
    expect(byId.get(ids.extraKey)?.problems[0]?.message).toMatch(/an access key the vault does not hold/);
    const failures = await listDrillFailures(database.db);
    expect(failures.map((f) => f.credentialId).sort()).toEqual([ids.noMfa, ids.wrongKey, ids.gone, ids.extraKey].sort());
    expect(await database.db.auditEntry.count({ where: { action: "breakglass.drill_failed" } })).toBe(4);
  });

  it("IAM refusing the drill is a failure, never a pass", async () => {
    sim.admin.setFaults({ accessDeniedAccounts: [accountId] });
    try {
      const results = await runBreakglassDrill(database.db, iamFor, fastReport);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) expect(result).toMatchObject({ isPassed: false, problems: [{ check: "drill" }] });
    } finally {
      sim.admin.setFaults({});
    }
  });
});
