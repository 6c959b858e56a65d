import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientPool, resolveAwsConfig, type ClientPool } from "../aws";
import { startSimServer, type SimServer } from "../sim";
import { TEST_NOW } from "../sim/testing/sim-client-config";
import { takeSnapshot } from "../snapshot";
import { makeInventory } from "../snapshot/testing/make-inventory";
import { useTestDatabase } from "../testing/use-test-database";
import { returnedCheckout } from "./testing/returned-checkout";
import { useTestVaultKeyring } from "../vault/testing";
import { findManagementAccountId, rotateCheckout, rotationClientsForOrganization, rotationClientsFromPool, type CheckoutUser } from ".";

const database = useTestDatabase();
useTestVaultKeyring();
let sim: SimServer;
let pool: ClientPool;
let managementAccountId: string;

const operator: CheckoutUser = { id: "u-op", displayName: "olga", role: "breakglass-operator", method: "LOCAL" };
const approver: CheckoutUser = { id: "u-ap", displayName: "ann", role: "approver", method: "LOCAL" };

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0, now: TEST_NOW });
  managementAccountId = sim.state.organization.managementAccountId;
  // As many organizations run it: no audit role in the management account, whose base credentials Vigil holds.
  sim.admin.deleteRole(managementAccountId, "VigilAuditRole");
  // No managementAccountId configured: the jobs must find it themselves.
  pool = createClientPool(
    resolveAwsConfig({
      endpoint: sim.url,
      region: "us-east-1",
      credentials: async () => ({ accessKeyId: "AKIAVIGILTEST0000000", secretAccessKey: "test" }),
      maxAttempts: 2,
    }),
  );
});
afterAll(async () => {
  pool?.destroy();
  await sim?.close();
});

/** A break-glass user of the management account, in the vault, checked out and returned. */
async function returnedManagementCheckout() {
  const { checkoutId } = await returnedCheckout(database.db, sim, {
    accountId: managementAccountId,
    operator,
    approver,
    userNamePrefix: "breakglass-mgmt",
  });
  return checkoutId;
}

describe("the management account in rotation and drill jobs", () => {
  it("before any snapshot the management account comes from DescribeOrganization", async () => {
    expect(await findManagementAccountId(database.db, pool)).toBe(managementAccountId);
  });

  it("a configured management account wins over everything else", async () => {
    const configured = createClientPool({ ...pool.config, managementAccountId: "123456789012" });
    try {
      expect(await findManagementAccountId(database.db, configured)).toBe("123456789012");
    } finally {
      configured.destroy();
    }
  });

  it("a break-glass user in the management account is rotated with the base credentials, not through an audit role it lacks", async () => {
    // Given a returned checkout of a management-account break-glass user (the account has no VigilAuditRole)
    const withoutId = await returnedManagementCheckout();
    // Near miss: clients that do not know the management account try the audit role there and fail
    const unaware = createClientPool(pool.config);
    const pending = await rotateCheckout(database.db, rotationClientsFromPool(unaware), withoutId, { verifyAttempts: 1 });
    unaware.destroy();
    expect(pending.status).toBe("rotation-pending");
    expect(pending.rotationError).toMatch(/AccessDenied.*sts:AssumeRole/);
    // When the jobs' clients (management account looked up; a fresh pool, as each job run has) retry it
    const jobPool = createClientPool(pool.config);
    const rotated = await rotateCheckout(database.db, await rotationClientsForOrganization(database.db, jobPool), withoutId, {
      verifyAttempts: 1,
    });
    jobPool.destroy();
    // Then it is rotated
    expect(rotated).toMatchObject({ status: "rotated", rotationError: null });
  });

  it("after a snapshot the management account is the snapshot's organization's, without asking AWS", async () => {
    const inventory = makeInventory({ accounts: { "999988887777": [] } });
    await takeSnapshot(database.db, { source: "LIVE", collect: async () => inventory });
    expect(await findManagementAccountId(database.db, pool)).toBe("999988887777");
  });
});
