import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliActor, userActor } from "../audit";
import { useTestDatabase } from "../testing/use-test-database";
import { readCredentialSecrets, registerCredential, rewrapVault } from ".";
import { masterKeyWrapper } from "./master-key-wrapper";
import { makeTestKeyring, useTestVaultKeyring } from "./testing";

// Rewrap reads every row of the vault: this file has its own database, so only its credentials are in it.
const database = useTestDatabase();
const keyring = useTestVaultKeyring();
const ADMIN = userActor({ id: "u-admin", displayName: "Ada Admin", method: "LOCAL" });

let counter = 0;
function makeCredential() {
  counter += 1;
  return {
    accountId: `4444555566${String(counter).padStart(2, "0")}`,
    iamUserName: `breakglass-${counter}`,
    maxCheckoutMinutes: 60,
    password: `pw-${randomBytes(12).toString("base64url")}!`,
    accessKeyId: `AKIA${randomBytes(16).toString("hex").toUpperCase().slice(0, 16)}`,
    secretAccessKey: randomBytes(30).toString("base64"),
  };
}

describe("vault rewrap (real database)", () => {
  it("re-wraps every data key under the new master key; reads still work, the old key no longer decrypts; a rerun does nothing", async () => {
    // Given credentials stored under the test keyring's key (now the "old" key)
    const inputs = [makeCredential(), makeCredential()];
    const ids = [];
    for (const input of inputs) ids.push((await registerCredential(database.db, input, { actor: ADMIN })).id);
    const newKey = randomBytes(32);
    const rotated = { current: masterKeyWrapper(newKey), others: [keyring.current] };
    // When the vault is re-wrapped under the new key
    const report = await rewrapVault(database.db, rotated, { actor: cliActor() });
    // Then every secret moved, and every read works with the new key alone
    expect(report.failed).toEqual([]);
    expect(report.rewrapped).toBe(report.secrets - report.alreadyCurrent);
    expect(report.rewrapped).toBeGreaterThanOrEqual(4);
    const newOnly = makeTestKeyring(newKey);
    for (const [index, id] of ids.entries()) {
      expect(await readCredentialSecrets(database.db, id, newOnly)).toMatchObject({ password: inputs[index]!.password });
      // And the old key can no longer unwrap them
      await expect(readCredentialSecrets(database.db, id, { current: keyring.current, others: [] })).rejects.toMatchObject({
        code: "VAULT_KEY_UNAVAILABLE",
      });
    }
    expect(await database.db.auditEntry.count({ where: { action: "vault.credential_rewrapped", targetId: { in: ids } } })).toBe(2);
    // And a second run finds nothing to do
    const again = await rewrapVault(database.db, rotated, { actor: cliActor() });
    expect(again).toMatchObject({ rewrapped: 0, alreadyCurrent: again.secrets, failed: [] });
    // Restore the file's keyring as current for the other tests
    await rewrapVault(database.db, { current: keyring.current, others: [masterKeyWrapper(newKey)] }, { actor: cliActor() });
  });

  it("reports a credential no configured key can unwrap, leaves it as it was, and still re-wraps the others", async () => {
    const lost = makeTestKeyring();
    const orphan = await registerCredential(database.db, makeCredential(), { actor: ADMIN }, lost);
    const before = await database.db.vaultSecret.findMany({ where: { credentialId: orphan.id } });
    const report = await rewrapVault(
      database.db,
      { current: masterKeyWrapper(randomBytes(32)), others: [keyring.current] },
      { actor: cliActor() },
    );
    expect(report.failed).toEqual([{ credentialId: orphan.id, reason: expect.stringContaining("not among the configured keys") }]);
    expect(report.rewrapped).toBeGreaterThan(0);
    expect(await database.db.vaultSecret.findMany({ where: { credentialId: orphan.id } })).toEqual(before);
  });
});
