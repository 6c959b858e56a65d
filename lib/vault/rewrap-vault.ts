import { recordAudit } from "../audit";
import type { PrismaClient } from "../db";
import type { SecretField } from "./envelope";
import { credentialTarget, type VaultAuditContext } from "./vault-audit";
import { VaultError } from "./vault-errors";
import { unwrapDataKey, type VaultKeyring } from "./vault-keyring";

export type RewrapReport = {
  /** the key every data key is wrapped by afterwards */
  currentKeyRef: string;
  /** secrets (password or secret access key) stored in all */
  secrets: number;
  /** secrets already wrapped by the current key: nothing to do */
  alreadyCurrent: number;
  rewrapped: number;
  /** credentials left as they were, with the reason (no configured key can unwrap them, KMS refused) */
  failed: { credentialId: string; reason: string }[];
};

type StoredWrap = { credentialId: string; field: SecretField; wrappedDataKey: Uint8Array<ArrayBuffer>; keyRef: string };

/**
 * After a master-key rotation (or a move between the master key and KMS), re-wraps every data key
 * not yet under the current key: unwrapped by whichever configured key wrapped it, wrapped again
 * by the current one. The secrets' ciphertexts do not change. One transaction and one audit entry
 * per credential; a data key replaced meanwhile (a rotation) is left alone. Running it again does nothing.
 */
export async function rewrapVault(db: PrismaClient, keyring: VaultKeyring, audit: VaultAuditContext): Promise<RewrapReport> {
  const currentKeyRef = await keyring.current.currentKeyRef();
  const secrets = await db.vaultSecret.count();
  const stale: StoredWrap[] = await db.vaultSecret.findMany({
    where: { keyRef: { not: currentKeyRef } },
    select: { credentialId: true, field: true, wrappedDataKey: true, keyRef: true },
    orderBy: [{ credentialId: "asc" }, { field: "asc" }],
  });
  const byCredential = new Map<string, StoredWrap[]>();
  for (const row of stale) byCredential.set(row.credentialId, [...(byCredential.get(row.credentialId) ?? []), row]);
  const report: RewrapReport = { currentKeyRef, secrets, alreadyCurrent: secrets - stale.length, rewrapped: 0, failed: [] };
  for (const [credentialId, rows] of byCredential) {
    try {
      report.rewrapped += await rewrapCredential(db, keyring, credentialId, rows, audit);
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      report.failed.push({ credentialId, reason: error.message });
    }
  }
  return report;
}

async function rewrapCredential(
  db: PrismaClient,
  keyring: VaultKeyring,
  credentialId: string,
  rows: StoredWrap[],
  audit: VaultAuditContext,
): Promise<number> {
  // Key calls (KMS) happen before the transaction opens, so none holds it waiting on the network.
  const rewrapped: { row: StoredWrap; next: { wrapped: Buffer; keyRef: string } }[] = [];
  for (const row of rows) {
    const context = { credentialId, field: row.field };
    const dataKey = await unwrapDataKey(keyring, row, context);
    try {
      rewrapped.push({ row, next: await keyring.current.wrapDataKey(dataKey, context) });
    } finally {
      dataKey.fill(0);
    }
  }
  return db.$transaction(
    async (tx) => {
      let count = 0;
      for (const { row, next } of rewrapped) {
        // Only the wrap we read: a secret a rotation replaced since is already under the current key.
        const updated = await tx.vaultSecret.updateMany({
          where: { credentialId, field: row.field, keyRef: row.keyRef, wrappedDataKey: { equals: row.wrappedDataKey } },
          data: { wrappedDataKey: new Uint8Array(next.wrapped), keyRef: next.keyRef },
        });
        count += updated.count;
      }
      const credential = await tx.breakglassCredential.findUnique({
        where: { id: credentialId },
        select: { id: true, accountId: true, iamUserName: true },
      });
      if (count > 0 && credential) {
        await recordAudit(tx, {
          actor: audit.actor,
          action: "vault.credential_rewrapped",
          target: credentialTarget(credential),
          detail: {
            fields: rewrapped.map(({ row }) => row.field),
            fromKeyRefs: [...new Set(rewrapped.map(({ row }) => row.keyRef))],
            toKeyRef: rewrapped[0]!.next.keyRef,
          },
          requestId: audit.requestId,
          clientAddress: audit.clientAddress,
        });
      }
      return count;
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
