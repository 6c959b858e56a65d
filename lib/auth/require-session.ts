import { getDb } from "../db/server-db";
import { getServerAuth } from "./get-auth";
import { readSession, type SessionUser, type VigilSession } from "./read-session";
import { hasPermission, hasRole, type Permission, type RoleName } from "./roles";

export const SIGN_IN_PATH = "/login";

/*
 * Request-scoped helpers for server components, pages and server actions. They need Next's
 * request headers and its redirect; those modules are imported lazily so the rest of lib/auth
 * (CLI, jobs, tests) never loads Next.js.
 */
async function nextRequestHeaders(): Promise<Headers> {
  const { headers } = await import("next/headers");
  return new Headers(await headers());
}

async function redirectTo(path: string): Promise<never> {
  const { redirect } = await import("next/navigation");
  return redirect(path);
}

/** Renders app/forbidden.tsx with HTTP 403 (Next's authInterrupts, enabled in next.config.js). */
async function forbid(): Promise<never> {
  const { forbidden } = await import("next/navigation");
  return forbidden();
}

/** The current request's session, or null when signed out. */
export async function getCurrentSession(): Promise<VigilSession | null> {
  const [{ auth, settings }, db, headers] = await Promise.all([getServerAuth(), getDb(), nextRequestHeaders()]);
  return readSession(db, auth, settings, headers);
}

/** The signed-in user; redirects to the sign-in page otherwise. Call it in every page and action. */
export async function requireSession(): Promise<SessionUser> {
  const session = await getCurrentSession();
  if (!session) return redirectTo(SIGN_IN_PATH);
  return session.user;
}

/** The signed-in user holding one of `roles` (admin holds all); otherwise the 403 page. */
export async function requireRole(...roles: RoleName[]): Promise<SessionUser> {
  const user = await requireSession();
  if (!hasRole(user, ...roles)) return forbid();
  return user;
}

export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireSession();
  if (!hasPermission(user, permission)) return forbid();
  return user;
}
