import type { PrismaClient } from "../db/client";
import { AppError } from "../http/app-error";
import type { AccountChangeContext } from "./create-local-user";
import { nextLockoutState } from "./lockout";
import { recordAuthEvent } from "./record-auth-event";
import { NO_REQUEST_META } from "./request-meta";

/** Clears a lockout (and the failure count) before it runs out. */
export async function unlockUser(
  db: PrismaClient,
  input: { userId: string },
  context: Omit<AccountChangeContext, "authSecret"> = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, username: true, email: true, isLocal: true, failedLoginCount: true, lockedUntil: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "no such user");
    const { state } = nextLockoutState(
      { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil },
      { type: "unlock" },
      { threshold: 1, lockMinutes: 0 },
    );
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: state.failedCount, lockedUntil: state.lockedUntil },
    });
    await recordAuthEvent(tx, {
      type: "ACCOUNT_UNLOCKED",
      userId: user.id,
      username: user.username ?? user.email,
      method: user.isLocal ? "LOCAL" : "OIDC",
      actorId: context.actorId ?? null,
      meta: context.meta ?? NO_REQUEST_META,
      detail: { wasLockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
  });
}
