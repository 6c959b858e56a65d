import type { AuditActor } from "../audit";

/** Who asked, for the audit entry written with the change. */
export type VaultAuditContext = { actor: AuditActor; requestId?: string | null; clientAddress?: string | null };

export const CREDENTIAL_TARGET_TYPE = "breakglass_credential";

export function credentialTarget(credential: { id: string; accountId: string; iamUserName: string }) {
  return { type: CREDENTIAL_TARGET_TYPE, id: credential.id, label: `${credential.iamUserName} in ${credential.accountId}` };
}
