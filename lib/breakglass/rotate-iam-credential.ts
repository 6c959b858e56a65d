import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
  UpdateLoginProfileCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { errorCode } from "../aws";
import type { CredentialSecrets } from "../vault";
import { generateIamPassword, getPasswordPolicy } from "./iam-password";

/** How rotation reaches AWS for one account. */
export type RotationClients = {
  /** IAM with the rights infra/ scopes to the break-glass user */
  iam: IAMClient;
  /** STS GetCallerIdentity signed with `key`: "refused" only for InvalidClientTokenId (the key is dead) */
  probeKey(key: { accessKeyId: string; secretAccessKey: string }): Promise<"refused" | "accepted" | { error: string }>;
};

export type RotationOptions = { verifyAttempts?: number; verifyDelayMs?: number };

/**
 * A rotation that stopped part-way. `partial` holds the secrets already changed in IAM, which the
 * caller must still store (a password set in IAM and not stored would lock everyone out).
 */
export class RotationFailure extends Error {
  constructor(
    message: string,
    readonly partial: CredentialSecrets,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = "RotationFailure";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The AWS error as code and message, which name no secret (IAM echoes user names and key ids only). */
export function describeAwsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${errorCode(error)}: ${message}`.slice(0, 500);
}

/**
 * Rotates a break-glass IAM user's secrets: a new console password (meeting the account's policy)
 * through UpdateLoginProfile; a new access key, then every other key of the user deactivated and
 * deleted — the old one the holder saw, and any key the vault does not know (a leftover of an
 * interrupted attempt, or one made outside Vigil); finally the old key is proven dead with STS.
 */
export async function rotateIamCredential(
  clients: RotationClients,
  input: { iamUserName: string; hasPassword: boolean; current: CredentialSecrets },
  options: RotationOptions = {},
): Promise<CredentialSecrets> {
  const { iam } = clients;
  const UserName = input.iamUserName;
  const changed: CredentialSecrets = {};
  const step = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw new RotationFailure(`${what} failed: ${describeAwsError(error)}`, changed, { cause: error });
    }
  };

  if (input.hasPassword) {
    const policy = await step("GetAccountPasswordPolicy", () => getPasswordPolicy(iam));
    const password = generateIamPassword(policy);
    await step("UpdateLoginProfile", () =>
      iam.send(new UpdateLoginProfileCommand({ UserName, Password: password, PasswordResetRequired: false })),
    );
    changed.password = password;
  }

  if (input.current.accessKeyId) {
    const listed = await step("ListAccessKeys", () => iam.send(new ListAccessKeysCommand({ UserName })));
    const existing = (listed.AccessKeyMetadata ?? []).flatMap((key) => (key.AccessKeyId ? [key.AccessKeyId] : []));
    // IAM allows two keys: retire the ones the vault does not hold first, so CreateAccessKey has room.
    for (const keyId of existing.filter((id) => id !== input.current.accessKeyId)) await retire(keyId);
    const created = await step("CreateAccessKey", () => iam.send(new CreateAccessKeyCommand({ UserName })));
    const key = created.AccessKey;
    if (!key?.AccessKeyId || !key.SecretAccessKey) throw new RotationFailure("CreateAccessKey returned no key", changed);
    changed.accessKeyId = key.AccessKeyId;
    changed.secretAccessKey = key.SecretAccessKey;
    if (existing.includes(input.current.accessKeyId)) await retire(input.current.accessKeyId);
    if (input.current.secretAccessKey)
      await verifyDead({ accessKeyId: input.current.accessKeyId, secretAccessKey: input.current.secretAccessKey });
  }
  return changed;

  async function retire(AccessKeyId: string) {
    await step(`UpdateAccessKey Inactive ${AccessKeyId}`, () =>
      iam.send(new UpdateAccessKeyCommand({ UserName, AccessKeyId, Status: "Inactive" })),
    );
    await step(`DeleteAccessKey ${AccessKeyId}`, () => iam.send(new DeleteAccessKeyCommand({ UserName, AccessKeyId })));
  }

  // IAM is eventually consistent: a deleted key can be accepted for a few seconds.
  async function verifyDead(old: { accessKeyId: string; secretAccessKey: string }) {
    const attempts = Math.max(1, options.verifyAttempts ?? 5);
    let last: string = "not tried";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const verdict = await clients.probeKey(old);
      if (verdict === "refused") return;
      last = verdict === "accepted" ? "STS still accepts it" : verdict.error;
      if (attempt < attempts) await sleep(options.verifyDelayMs ?? 2_000);
    }
    throw new RotationFailure(`the old access key ${old.accessKeyId} is not proven dead: ${last}`, changed);
  }
}
