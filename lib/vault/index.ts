// The vault: break-glass credentials with their secrets envelope-encrypted (AES-256-GCM data key per
// secret, wrapped by the master key or AWS KMS). Summaries never carry a secret; only lib/breakglass
// reads plaintext (readCredentialSecrets), for the one reveal and for rotation.
export { registerCredential } from "./register-credential";
export { getCredential, listCredentials } from "./find-credentials";
export { readCredentialSecrets } from "./read-credential-secrets";
export { replaceCredentialSecrets } from "./replace-credential-secrets";
export {
  CREDENTIAL_SECRETS,
  DEFAULT_MAX_CHECKOUT_MINUTES,
  MAX_CHECKOUT_MINUTES_LIMIT,
  REGISTER_CREDENTIAL_INPUT,
  type CredentialSecrets,
  type RegisterCredentialInput,
} from "./credential-input";
export type { BreakglassCredentialSummary } from "./credential-summary";
export { CREDENTIAL_TARGET_TYPE, type VaultAuditContext } from "./vault-audit";
export { VaultError } from "./vault-errors";
export { vaultKeyring, vaultKeyringFromSettings } from "./vault-keyring-from-env";
export type { VaultKeyring } from "./vault-keyring";
export type { KeyWrapper } from "./key-wrapper";
export { decodeMasterKey, masterKeyFingerprint, masterKeyWrapper } from "./master-key-wrapper";
export { createKmsClient, kmsEncryptionContext, kmsKeyWrapper } from "./kms-key-wrapper";
export { rewrapVault, type RewrapReport } from "./rewrap-vault";
