import type { Db } from "../db";
import { CREDENTIAL_SUMMARY_SELECT, toCredentialSummary, type BreakglassCredentialSummary } from "./credential-summary";
import { credentialNotFound } from "./vault-errors";

/** Every registered credential, by account then IAM user; never a secret. */
export async function listCredentials(db: Db): Promise<BreakglassCredentialSummary[]> {
  const rows = await db.breakglassCredential.findMany({
    select: CREDENTIAL_SUMMARY_SELECT,
    orderBy: [{ accountId: "asc" }, { iamUserName: "asc" }],
  });
  return rows.map(toCredentialSummary);
}

/** One credential; a VaultError (NOT_FOUND) when there is none with that id. */
export async function getCredential(db: Db, id: string): Promise<BreakglassCredentialSummary> {
  const row = await db.breakglassCredential.findUnique({ where: { id }, select: CREDENTIAL_SUMMARY_SELECT });
  if (!row) throw credentialNotFound(id);
  return toCredentialSummary(row);
}
