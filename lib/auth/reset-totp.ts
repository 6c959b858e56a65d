import type { PrismaClient } from "../db";
import { AppError } from "../errors";
import { loadAuthSettings } from "./auth-settings";
import type { AccountChangeContext } from "./create-local-user";
import { recordAuthEvent } from "./record-auth-event";
import { NO_REQUEST_META } from "./request-meta";
import { clearAccountThrottles } from "./unlock-user";
import { encryptTotpSecret, generateTotpSecret, otpauthUri, totpSecretForApps } from "./totp";

export type UserRef = { userId: string } | { username: string };

/**
 * Replaces a local account's TOTP secret (lost or leaked authenticator) and signs the account out
 * everywhere, so nothing enrolled or signed in with the old secret survives. Lifts the account's
 * sign-in delays too: the owner who just got a new authenticator must be able to use it.
 */
export async function resetTotp(
  db: PrismaClient,
  ref: UserRef,
  context: AccountChangeContext = {},
): Promise<{ username: string; totpSecret: string; otpauthUri: string }> {
  const authSecret = context.authSecret ?? loadAuthSettings().secret;
  const secret = generateTotpSecret();
  const [encryptedSecret, encryptedBackupCodes] = await Promise.all([
    encryptTotpSecret(secret, authSecret),
    encryptTotpSecret(JSON.stringify([]), authSecret),
  ]);
  const username = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: "userId" in ref ? { id: ref.userId } : { username: ref.username.trim().toLowerCase() },
      select: { id: true, username: true, isLocal: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "no such user");
    if (!user.isLocal || !user.username) {
      throw new AppError("BAD_REQUEST", "only local accounts have a Vigil TOTP; SSO users use their IdP's factors");
    }
    await tx.twoFactor.deleteMany({ where: { userId: user.id } });
    await tx.twoFactor.create({
      data: { userId: user.id, secret: encryptedSecret, backupCodes: encryptedBackupCodes, verified: true },
    });
    // Steps used with the old secret say nothing about the new one's codes.
    await tx.user.update({ where: { id: user.id }, data: { twoFactorEnabled: true, lastTotpStep: null } });
    const revoked = await tx.session.deleteMany({ where: { userId: user.id } });
    const clearedAddresses = await clearAccountThrottles(tx, user.id);
    await recordAuthEvent(tx, {
      type: "TOTP_RESET",
      userId: user.id,
      username: user.username,
      method: "LOCAL",
      actorId: context.actorId ?? null,
      auditActor: context.auditActor,
      meta: context.meta ?? NO_REQUEST_META,
      detail: { revokedSessions: revoked.count, clearedAddresses },
    });
    return user.username;
  });
  return { username, totpSecret: totpSecretForApps(secret), otpauthUri: otpauthUri(secret, username) };
}
