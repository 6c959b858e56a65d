import type { BetterAuthOptions } from "better-auth";
import type { PrismaClient } from "../db";
import { AUTH_ERROR } from "./auth-error-codes";
import type { OidcSettings } from "./auth-settings";
import { OIDC_PROVIDER_ID, roleForClaims } from "./oidc-plugin";
import { recordAuthEvent } from "./record-auth-event";
import { requestMetaFrom } from "./request-meta";
import { readGroupsClaim } from "./role-map";
import { roleFromName, roleName } from "./roles";

type ValidateUserInfo = NonNullable<NonNullable<BetterAuthOptions["user"]>["validateUserInfo"]>;

/**
 * Gate for every IdP identity, at first sign-in and each later one: refuses users whose groups
 * map to no Vigil role (unless OIDC_DEFAULT_ROLE is set) and any attempt to reach a local
 * break-glass account through the IdP. Records role changes caused by IdP group changes.
 */
export function validateOidcUser(db: PrismaClient, oidc: OidcSettings | null): ValidateUserInfo {
  return async ({ user, source }, ctx) => {
    if (source.method !== "oauth" || source.oauth?.providerId !== OIDC_PROVIDER_ID || !oidc) {
      return { error: AUTH_ERROR.NOT_AVAILABLE, errorDescription: "This sign-in method is not available" };
    }
    const claims = (source.oauth.profile ?? {}) as Record<string, unknown>;
    const email = typeof user.email === "string" ? user.email : "(no email)";
    const meta = requestMetaFrom(ctx.request?.headers ?? ctx.headers);
    const existing =
      typeof user.id === "string"
        ? await db.user.findUnique({ where: { id: user.id }, select: { id: true, role: true, isLocal: true } })
        : null;
    if (existing?.isLocal || source.action === "link-account") {
      await recordAuthEvent(db, {
        type: "SIGN_IN_FAILURE",
        userId: existing?.id ?? null,
        username: email,
        method: "OIDC",
        meta,
        detail: { reason: "IdP identity matches a local account" },
      });
      return { error: AUTH_ERROR.LOCAL_ACCOUNT, errorDescription: "This account cannot sign in through SSO" };
    }
    const role = roleForClaims(claims, oidc);
    if (!role) {
      await recordAuthEvent(db, {
        type: "SIGN_IN_FAILURE",
        userId: existing?.id ?? null,
        username: email,
        method: "OIDC",
        meta,
        detail: { reason: "no group maps to a Vigil role", groups: readGroupsClaim(claims, oidc.groupsClaim).slice(0, 50) },
      });
      return {
        error: AUTH_ERROR.NO_VIGIL_ROLE,
        errorDescription: "Your SSO account is in no group that grants access to Vigil. Ask an administrator.",
      };
    }
    if (existing && existing.role !== roleFromName(role)) {
      // better-auth writes the new role (mapProfileToUser + overrideUserInfo) right after this gate.
      await recordAuthEvent(db, {
        type: "ROLE_CHANGED",
        userId: existing.id,
        username: email,
        method: "OIDC",
        meta,
        detail: { from: roleName(existing.role), to: role, reason: "IdP groups" },
      });
    }
    return undefined;
  };
}
