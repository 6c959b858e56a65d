import { existsSync } from "node:fs";
import path from "node:path";
import { env, type Env } from "../env";
import { childLogger } from "../log";
import { readGeneratedMasterKey, resolveGeneratedMasterKey } from "./generated-master-key";
import type { KeyWrapper } from "./key-wrapper";
import { createKmsClient, kmsKeyWrapper } from "./kms-key-wrapper";
import { decodeMasterKey, masterKeyWrapper } from "./master-key-wrapper";
import type { VaultKeyring } from "./vault-keyring";
import { vaultKeyUnavailable } from "./vault-errors";

/** Vigil runs on the embedded Postgres in its data directory (the demo), not a database of its own. */
function usesEmbeddedDataDir(settings: Env): boolean {
  return !settings.DATABASE_URL || existsSync(path.resolve(settings.VIGIL_DATA_DIR, "pg"));
}

/**
 * The deployment's keys: AWS KMS when VIGIL_KMS_KEY_ID is set, else VIGIL_MASTER_KEY, else (embedded
 * demo only) a master key generated into the data directory. Every other key found (the master key
 * beside KMS, VIGIL_MASTER_KEY_PREVIOUS, a generated key file) still unwraps, for `vigil vault rewrap`.
 */
export function vaultKeyringFromSettings(settings: Env, options: { previousMasterKey?: string } = {}): VaultKeyring {
  const log = childLogger("vault");
  const generatedFile = path.resolve(settings.VIGIL_DATA_DIR);
  let master: Buffer | undefined = settings.VIGIL_MASTER_KEY ? decodeMasterKey(settings.VIGIL_MASTER_KEY) : undefined;
  const kms = settings.VIGIL_KMS_KEY_ID
    ? kmsKeyWrapper(
        createKmsClient({
          region: settings.AWS_REGION ?? "us-east-1",
          endpoint: settings.AWS_ENDPOINT_URL,
          timeoutMs: settings.VIGIL_AWS_TIMEOUT_MS,
        }),
        settings.VIGIL_KMS_KEY_ID,
      )
    : undefined;
  if (!master && !kms && usesEmbeddedDataDir(settings)) {
    master = resolveGeneratedMasterKey(generatedFile, (file) => log.warn({ file }, "generated a vault master key"));
    log.warn(
      "VIGIL_MASTER_KEY is not set: break-glass secrets are encrypted with the generated key in VIGIL_DATA_DIR/vault-master-key; back it up or set the variable",
    );
  }
  const masterWrapper = master ? masterKeyWrapper(master) : undefined;
  const current = kms ?? masterWrapper;
  if (!current) {
    throw vaultKeyUnavailable(
      "no vault key is configured: set VIGIL_MASTER_KEY (32 random bytes, e.g. `openssl rand -base64 32`) or VIGIL_KMS_KEY_ID",
    );
  }
  const previous = options.previousMasterKey ?? settings.VIGIL_MASTER_KEY_PREVIOUS;
  const generated = settings.VIGIL_MASTER_KEY || kms ? readGeneratedMasterKey(generatedFile) : undefined;
  const others: KeyWrapper[] = [
    ...(kms && masterWrapper ? [masterWrapper] : []),
    ...(previous ? [masterKeyWrapper(decodeMasterKey(previous))] : []),
    ...(generated ? [masterKeyWrapper(generated)] : []),
  ];
  return { current, others };
}

let cached: VaultKeyring | undefined;

/** This process's keyring, resolved once from the validated environment. */
export function vaultKeyring(): VaultKeyring {
  cached ??= vaultKeyringFromSettings(env());
  return cached;
}

/** Tests (lib/vault/testing) pin a keyring; `undefined` goes back to the environment's. */
export function setVaultKeyring(keyring: VaultKeyring | undefined): void {
  cached = keyring;
}
