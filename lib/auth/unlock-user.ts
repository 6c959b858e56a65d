import type { Db, PrismaClient } from "../db";
import { AppError } from "../errors";
import type { AccountChangeContext } from "./create-local-user";
import { recordAuthEvent } from "./record-auth-event";
import { NO_REQUEST_META } from "./request-meta";
import type { UserRef } from "./reset-totp";

/** Deletes every sign-in throttle of the account (all addresses); returns how many addresses were cleared. */
export async function clearAccountThrottles(db: Db, userId: string): Promise<number> {
  const cleared = await db.signInThrottle.deleteMany({ where: { userId } });
  return cleared.count;
}

/**
 * Lifts the sign-in delays on an account from every address before they run out (admin page,
 * `vigil user unlock`), recorded as ACCOUNT_UNLOCKED.
 */
export async function unlockUser(
  db: PrismaClient,
  ref: UserRef,
  context: Omit<AccountChangeContext, "authSecret"> = {},
): Promise<{ username: string; clearedAddresses: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: "userId" in ref ? { id: ref.userId } : { username: ref.username.trim().toLowerCase() },
      select: { id: true, username: true, email: true, isLocal: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "no such user");
    const clearedAddresses = await clearAccountThrottles(tx, user.id);
    await recordAuthEvent(tx, {
      type: "ACCOUNT_UNLOCKED",
      userId: user.id,
      username: user.username ?? user.email,
      method: user.isLocal ? "LOCAL" : "OIDC",
      actorId: context.actorId ?? null,
      auditActor: context.auditActor,
      meta: context.meta ?? NO_REQUEST_META,
      detail: { clearedAddresses },
    });
    return { username: user.username ?? user.email, clearedAddresses };
  });
}
