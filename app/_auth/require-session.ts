import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import {
  getServerAuth,
  hasPermission,
  hasRole,
  readSession,
  type Permission,
  type RoleName,
  type SessionUser,
  type VigilSession,
} from "@/lib/auth";
import { getDb } from "@/lib/db";

export const SIGN_IN_PATH = "/login";

/** The current request's session, or null when signed out (server components, pages, actions). */
export async function getCurrentSession(): Promise<VigilSession | null> {
  const [{ auth, settings }, db, requestHeaders] = await Promise.all([getServerAuth(), getDb(), headers()]);
  return readSession(db, auth, settings, new Headers(requestHeaders));
}

/** The signed-in user; redirects to the sign-in page otherwise. Call it in every page and action. */
export async function requireSession(): Promise<SessionUser> {
  const session = await getCurrentSession();
  if (!session) redirect(SIGN_IN_PATH);
  return session.user;
}

/** The signed-in user holding one of `roles` (admin holds all); otherwise the 403 page (app/forbidden.tsx). */
export async function requireRole(...roles: RoleName[]): Promise<SessionUser> {
  const user = await requireSession();
  if (!hasRole(user, ...roles)) forbidden();
  return user;
}

export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireSession();
  if (!hasPermission(user, permission)) forbidden();
  return user;
}
