import { DomainError } from "../errors";

type VaultErrorCode =
  "CREDENTIAL_NOT_FOUND" | "CREDENTIAL_EXISTS" | "INVALID_CREDENTIAL" | "VAULT_KEY_UNAVAILABLE" | "SECRET_UNREADABLE" | "KMS_UNAVAILABLE";

/** The vault's refusals. Messages name ids, fields and key references, never a secret or key material. */
export class VaultError extends DomainError<VaultErrorCode> {
  override name = "VaultError";
}

export const credentialNotFound = (id: string) =>
  new VaultError("CREDENTIAL_NOT_FOUND", "NOT_FOUND", `no break-glass credential with id ${JSON.stringify(id.slice(0, 64))}`);

export const credentialExists = (accountId: string, iamUserName: string) =>
  new VaultError("CREDENTIAL_EXISTS", "CONFLICT", `IAM user ${iamUserName} in account ${accountId} is already registered in the vault`);

export const invalidCredential = (message: string) => new VaultError("INVALID_CREDENTIAL", "BAD_REQUEST", message);

/** No key can unwrap a stored data key, or no key is configured at all: a deployment problem, not the caller's. */
export const vaultKeyUnavailable = (message: string) => new VaultError("VAULT_KEY_UNAVAILABLE", "INTERNAL", message);

/** Authentication failed: the ciphertext, its data key or its binding to (credential, field) was altered or swapped. */
export const secretUnreadable = (credentialId: string, field: string) =>
  new VaultError(
    "SECRET_UNREADABLE",
    "INTERNAL",
    `the ${field} of break-glass credential ${credentialId} does not decrypt: it was altered, moved from another row, or wrapped by another key`,
  );

export const kmsUnavailable = (message: string) => new VaultError("KMS_UNAVAILABLE", "UPSTREAM_UNAVAILABLE", message);
