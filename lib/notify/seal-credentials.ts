import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { link, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { Encrypter } from "age-encryption";
import { recordAudit, type AuditActor } from "../audit";
import type { PrismaClient } from "../db";
import { AppError } from "../errors";
import { listCredentials, readCredentialSecrets, type VaultKeyring } from "../vault";

/** What the decrypted file holds (JSON): enough to sign in as each break-glass user with Vigil down. */
export const SEALED_COPY_FORMAT = "vigil.breakglass-sealed-copy/v1";

/**
 * An age X25519 recipient: Bech32 with the `age` prefix over a 32-byte key, 62 characters. Other age
 * recipient types (post-quantum `age1pq1…`, plugins `age1<name>1…`, SSH keys) are refused: they
 * need tools an operator may not have when Vigil and the IdP are both down.
 */
const X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

export type SealInput = {
  recipient: string;
  output: string;
  /** replace an existing file at `output` */
  force?: boolean;
  /** the vault's keys; defaults to the deployment's */
  keyring?: VaultKeyring;
  now?: Date;
};

export type SealResult = { output: string; credentialIds: string[]; sealedAt: Date; bytes: number };

export function parseAgeRecipient(text: string): string {
  const recipient = text.trim();
  if (!X25519_RECIPIENT.test(recipient)) {
    throw new AppError(
      "BAD_REQUEST",
      "--recipient must be an age X25519 public key (age1… , 62 characters, from `age-keygen`); other key types are refused",
    );
  }
  try {
    new Encrypter().addRecipient(recipient);
  } catch {
    throw new AppError("BAD_REQUEST", "--recipient is not a valid age public key (its checksum does not match)");
  }
  return recipient;
}

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch(() => {});
}

/** Writes the ciphertext to a fresh 0600 file beside `output` (never readable by others, even briefly). */
async function writeTemporary(output: string, ciphertext: Uint8Array): Promise<string> {
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(ciphertext);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/** Moves the finished file into place; without `force` an existing file is never replaced, even one created meanwhile. */
async function place(temporary: string, output: string, force: boolean): Promise<void> {
  if (force) return rename(temporary, output);
  try {
    await link(temporary, output);
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") throw outputExists(output);
    throw error;
  }
  await removeQuietly(temporary);
}

const outputExists = (output: string) => new AppError("CONFLICT", `${output} already exists; pass --force to replace it`);

/**
 * Writes an offline copy of every registered break-glass credential, age-encrypted to `recipient`,
 * for the day Vigil itself is down (`age -d -i key.txt FILE`). The file is 0600 and replaces nothing
 * without `force`. The seal is on the audit trail (`breakglass.sealed`: recipient and credential ids,
 * never a secret); a seal that cannot be audited leaves no file behind.
 */
export async function sealCredentials(
  db: PrismaClient,
  input: SealInput,
  audit: { actor: AuditActor; requestId?: string | null; clientAddress?: string | null },
): Promise<SealResult> {
  const recipient = parseAgeRecipient(input.recipient);
  const output = path.resolve(input.output);
  if (!input.force && existsSync(output)) throw outputExists(output);
  const credentials = await listCredentials(db);
  if (credentials.length === 0) throw new AppError("NOT_FOUND", "no break-glass credentials are registered: nothing to seal");
  const sealedAt = input.now ?? new Date();

  // Decrypting may call KMS: done before, not inside, the audit transaction.
  const entries = [];
  for (const credential of credentials) {
    const secrets = await readCredentialSecrets(db, credential.id, input.keyring);
    entries.push({
      id: credential.id,
      accountId: credential.accountId,
      iamUserName: credential.iamUserName,
      mfaNote: credential.mfaNote,
      consoleSignInUrl: `https://${credential.accountId}.signin.aws.amazon.com/console`,
      password: secrets.password ?? null,
      accessKeyId: secrets.accessKeyId ?? null,
      secretAccessKey: secrets.secretAccessKey ?? null,
      rotatedAt: credential.rotatedAt?.toISOString() ?? null,
    });
  }
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const ciphertext = await encrypter.encrypt(
    JSON.stringify({ format: SEALED_COPY_FORMAT, sealedAt: sealedAt.toISOString(), credentials: entries }, null, 2),
  );

  const temporary = await writeTemporary(output, ciphertext);
  try {
    const credentialIds = credentials.map((credential) => credential.id);
    await db.$transaction(async (tx) => {
      await recordAudit(tx, {
        actor: audit.actor,
        action: "breakglass.sealed",
        target: { type: "breakglass_sealed_copy", id: output, label: path.basename(output) },
        detail: {
          recipient,
          credentialIds,
          credentials: credentials.map((credential) => ({
            id: credential.id,
            accountId: credential.accountId,
            iamUserName: credential.iamUserName,
          })),
          output,
          sealedAt,
        },
        requestId: audit.requestId ?? null,
        clientAddress: audit.clientAddress ?? null,
      });
    });
    await place(temporary, output, input.force ?? false);
    return { output, credentialIds, sealedAt, bytes: ciphertext.byteLength };
  } finally {
    await removeQuietly(temporary);
  }
}
