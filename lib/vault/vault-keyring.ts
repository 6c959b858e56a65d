import type { DataKeyContext, KeyWrapper } from "./key-wrapper";
import { secretUnreadable, vaultKeyUnavailable, VaultError } from "./vault-errors";

/** The key new data keys are wrapped with, and older keys still accepted for reading (and rewrap). */
export type VaultKeyring = { current: KeyWrapper; others: KeyWrapper[] };

export function keyringWrappers(keyring: VaultKeyring): KeyWrapper[] {
  return [keyring.current, ...keyring.others];
}

/** The data key of one stored secret, unwrapped by whichever configured key wrapped it. */
export async function unwrapDataKey(
  keyring: VaultKeyring,
  stored: { keyRef: string; wrappedDataKey: Uint8Array },
  context: DataKeyContext,
): Promise<Buffer> {
  const wrapper = keyringWrappers(keyring).find((candidate) => candidate.canUnwrap(stored.keyRef));
  if (!wrapper) {
    throw vaultKeyUnavailable(
      `the ${context.field} of break-glass credential ${context.credentialId} is wrapped by ${stored.keyRef}, which is not among the configured keys ` +
        `(${keyringWrappers(keyring)
          .map((candidate) => candidate.label)
          .join(", ")}); after a master-key rotation set VIGIL_MASTER_KEY_PREVIOUS and run \`vigil vault rewrap\``,
    );
  }
  try {
    return await wrapper.unwrap(Buffer.from(stored.wrappedDataKey), stored.keyRef, context);
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw secretUnreadable(context.credentialId, context.field);
  }
}
