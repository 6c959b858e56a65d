import type { PrismaClient } from "../db";
import type { AuthMethod } from "../db";
import type { AuthSettings } from "./auth-settings";
import type { VigilAuth } from "./create-auth";
import { roleName, type RoleName } from "./roles";

export type SessionUser = {
  id: string;
  /** Local username, or the IdP email for SSO users. */
  displayName: string;
  email: string;
  role: RoleName;
  method: AuthMethod;
};

export type VigilSession = { sessionId: string; user: SessionUser; expiresAt: Date };

/** Activity is written back at most this often, so reads stay cheap. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The signed-in user for a request, or null. better-auth checks the signed cookie and expiry
 * (absolute lifetime); Vigil adds the idle timeout and reads the role fresh from the database, so
 * a role change or revocation applies on the next request.
 */
export async function readSession(
  db: PrismaClient,
  auth: VigilAuth,
  settings: Pick<AuthSettings, "sessionMaxHours" | "sessionIdleMinutes">,
  headers: Headers,
  now: Date = new Date(),
): Promise<VigilSession | null> {
  const found = await auth.api.getSession({ headers, query: { disableRefresh: true } }).catch(() => null);
  if (!found) return null;
  const session = await db.session.findUnique({
    where: { id: found.session.id },
    select: {
      id: true,
      createdAt: true,
      updatedAt: true,
      expiresAt: true,
      user: { select: { id: true, username: true, email: true, role: true, isLocal: true } },
    },
  });
  if (!session) return null;
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.updatedAt.getTime();
  if (age > settings.sessionMaxHours * 3_600_000 || idle > settings.sessionIdleMinutes * 60_000) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idle > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { updatedAt: now } });
  }
  const { user } = session;
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt,
    user: {
      id: user.id,
      displayName: user.username ?? user.email,
      email: user.email,
      role: roleName(user.role),
      method: user.isLocal ? "LOCAL" : "OIDC",
    },
  };
}
