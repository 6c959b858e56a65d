import { APIError } from "better-auth/api";
import type { PrismaClient } from "../db";
import { AUTH_ERROR } from "./auth-error-codes";

/** The only endpoints that may mint a session, per kind of account. */
const LOCAL_SESSION_PATHS = new Set(["/sign-in/username", "/two-factor/verify-totp"]);
const OIDC_SESSION_PATHS = new Set(["/callback/:id"]);

/**
 * Last line of defence, run by better-auth before it stores any session: a local account gets a
 * session only with TOTP enrolled and verified (the sign-in throttle gates both steps before they
 * get here); an IdP account only from the
 * OIDC callback. Whatever endpoint or plugin asks, nothing else becomes a session.
 */
export function sessionCreateGuard(db: PrismaClient) {
  return async (session: { userId: string }, ctx: { path?: string } | null | undefined): Promise<void> => {
    const path = ctx?.path ?? "";
    const user = await db.user.findUnique({
      where: { id: session.userId },
      select: {
        isLocal: true,
        twoFactorEnabled: true,
        twoFactors: { select: { verified: true } },
      },
    });
    if (!user) throw new APIError("UNAUTHORIZED", { message: "Unknown user" });
    if (user.isLocal) {
      if (!LOCAL_SESSION_PATHS.has(path))
        throw new APIError("FORBIDDEN", { code: AUTH_ERROR.NOT_AVAILABLE, message: "Local accounts sign in with password and TOTP only" });
      const hasTotp = user.twoFactorEnabled === true && user.twoFactors.some((factor) => factor.verified !== false);
      if (!hasTotp) {
        throw new APIError("FORBIDDEN", {
          code: AUTH_ERROR.TOTP_REQUIRED,
          message: "This account has no TOTP enrolled; ask an administrator to reset its TOTP",
        });
      }
      return;
    }
    if (!OIDC_SESSION_PATHS.has(path))
      throw new APIError("FORBIDDEN", {
        code: AUTH_ERROR.NOT_AVAILABLE,
        message: "SSO accounts sign in through the identity provider only",
      });
  };
}
