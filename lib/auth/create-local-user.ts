import type { AuditActor } from "../audit";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../db";
import { AppError } from "../errors";
import { loadAuthSettings } from "./auth-settings";
import { generatePassword } from "./generate-password";
import { LOCAL_USER_INPUT, placeholderEmail, type LocalUserInput } from "./local-user-input";
import { recordAuthEvent } from "./record-auth-event";
import { NO_REQUEST_META, type RequestMeta } from "./request-meta";
import { roleFromName } from "./roles";
import { encryptTotpSecret, generateTotpSecret, otpauthUri, totpSecretForApps } from "./totp";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "./user-summary";

export type CreatedLocalUser = {
  user: UserSummary;
  /** Shown once; only its scrypt hash is stored. */
  password: string;
  /** Base32, for typing into an authenticator app; stored only encrypted. */
  totpSecret: string;
  otpauthUri: string;
};

export type AccountChangeContext = {
  /** Encrypts the TOTP secret; must be the web app's. Defaults to loadAuthSettings().secret. */
  authSecret?: string;
  actorId?: string | null;
  /** Who acted when no signed-in user did (the CLI operator); `actorId` wins when both are given. */
  auditActor?: AuditActor;
  meta?: RequestMeta;
};

/**
 * Creates a local (break-glass) account with a generated password and TOTP already enrolled, so
 * it can sign in at once and never exists without its second factor. Shared by the CLI, the admin
 * UI and the demo launcher.
 */
export async function createLocalUser(
  db: PrismaClient,
  input: LocalUserInput,
  context: AccountChangeContext = {},
): Promise<CreatedLocalUser> {
  const { username, role, email } = LOCAL_USER_INPUT.parse(input);
  const authSecret = context.authSecret ?? loadAuthSettings().secret;
  const password = generatePassword();
  const secret = generateTotpSecret();
  const [passwordHash, encryptedSecret, encryptedBackupCodes] = await Promise.all([
    hashPassword(password),
    encryptTotpSecret(secret, authSecret),
    // Local accounts get no backup codes: a lost authenticator is reset by an admin or the CLI.
    encryptTotpSecret(JSON.stringify([]), authSecret),
  ]);

  const user = await db.$transaction(async (tx) => {
    const taken = await tx.user.findFirst({
      where: { OR: [{ username }, { email: email ?? placeholderEmail(username) }] },
      select: { id: true },
    });
    if (taken) throw new AppError("CONFLICT", `a user named "${username}" (or with that email) already exists`);
    const created = await tx.user.create({
      data: {
        name: username,
        email: email ?? placeholderEmail(username),
        username,
        displayUsername: username,
        role: roleFromName(role),
        isLocal: true,
        twoFactorEnabled: true,
        twoFactors: { create: { secret: encryptedSecret, backupCodes: encryptedBackupCodes, verified: true } },
      },
      select: USER_SUMMARY_SELECT,
    });
    // better-auth's credential account: accountId is the user id, providerId "credential".
    await tx.account.create({
      data: { userId: created.id, accountId: created.id, providerId: "credential", password: passwordHash },
    });
    await recordAuthEvent(tx, {
      type: "USER_CREATED",
      userId: created.id,
      username,
      method: "LOCAL",
      actorId: context.actorId ?? null,
      auditActor: context.auditActor,
      meta: context.meta ?? NO_REQUEST_META,
      detail: { role },
    });
    return created;
  });

  return {
    user: toUserSummary(user),
    password,
    totpSecret: totpSecretForApps(secret),
    otpauthUri: otpauthUri(secret, username),
  };
}
