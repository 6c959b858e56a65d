import type { PrismaClient } from "../db";
import { AppError } from "../errors";
import type { AccountChangeContext } from "./create-local-user";
import { recordAuthEvent } from "./record-auth-event";
import { NO_REQUEST_META } from "./request-meta";
import { roleFromName, roleName, type RoleName } from "./roles";

/**
 * Sets a user's role. Refuses to demote the last admin (nobody could manage users afterwards).
 * For an SSO user the IdP groups win again at their next sign-in.
 */
export async function changeUserRole(
  db: PrismaClient,
  input: { userId: string; role: RoleName },
  context: Omit<AccountChangeContext, "authSecret"> = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "role" = 'ADMIN' FOR UPDATE`;
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, username: true, email: true, role: true, isLocal: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "no such user");
    const role = roleFromName(input.role);
    if (user.role === role) return;
    if (user.role === "ADMIN") {
      const admins = await tx.user.count({ where: { role: "ADMIN" } });
      if (admins <= 1) throw new AppError("CONFLICT", "cannot remove the last admin");
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAuthEvent(tx, {
      type: "ROLE_CHANGED",
      userId: user.id,
      username: user.username ?? user.email,
      method: user.isLocal ? "LOCAL" : "OIDC",
      actorId: context.actorId ?? null,
      auditActor: context.auditActor,
      meta: context.meta ?? NO_REQUEST_META,
      detail: { from: roleName(user.role), to: input.role },
    });
  });
}
