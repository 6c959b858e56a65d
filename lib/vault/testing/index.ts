import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { masterKeyWrapper } from "../master-key-wrapper";
import type { VaultKeyring } from "../vault-keyring";
import { setVaultKeyring } from "../vault-keyring-from-env";

/** A keyring with a fresh random master key, and nothing else. */
export function makeTestKeyring(key: Buffer = randomBytes(32)): VaultKeyring {
  return { current: masterKeyWrapper(key), others: [] };
}

/**
 * Pins this test file's vault keyring (a fresh master key) so vault calls made without an explicit
 * keyring — lib/breakglass's reveal and rotation — need no VIGIL_MASTER_KEY or data directory.
 */
export function useTestVaultKeyring(keyring: VaultKeyring = makeTestKeyring()): VaultKeyring {
  beforeAll(() => setVaultKeyring(keyring));
  afterAll(() => setVaultKeyring(undefined));
  return keyring;
}

export { setVaultKeyring };
export { databaseText, leakedSecrets, plaintextForms } from "./database-text";
export { dumpDatabase, type DatabaseDump } from "./database-dump";
