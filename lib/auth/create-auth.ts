import { betterAuth, type BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import { username } from "better-auth/plugins/username";
import type { PrismaClient } from "../db";
import { ALLOWED_AUTH_PATHS, AUTH_ERROR } from "./auth-error-codes";
import type { AuthSettings } from "./auth-settings";
import { CLIENT_ADDRESS_HEADER } from "../client-address";
import type { AuthLogger } from "./hook-context";
import { oidcPlugin } from "./oidc-plugin";
import { sessionCreateGuard } from "./session-create-guard";
import { stripOidcTokens } from "./strip-oidc-tokens";
import { TOTP_ISSUER } from "./totp";
import { trustedOriginsFor } from "./trusted-origins";
import { validateOidcUser } from "./validate-oidc-user";
import { vigilGuardPlugin } from "./vigil-guard-plugin";

/**
 * The better-auth instance for one database. Nothing here touches the network: OIDC discovery
 * waits for the first SSO sign-in (see oidcPlugin), so local sign-in works with the IdP down.
 */
export function createAuth(db: PrismaClient, settings: AuthSettings, logger?: AuthLogger) {
  const loginRule = { window: 60, max: settings.loginRateLimitPerMinute };
  const options = {
    appName: "Vigil",
    baseURL: settings.baseUrl,
    basePath: "/api/auth",
    secret: settings.secret,
    trustedOrigins: trustedOriginsFor(settings.baseUrl),
    database: prismaAdapter(db, { provider: "postgresql", transaction: true }),
    // Passwords exist only for local accounts, which an admin creates (createLocalUser); nobody signs up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 16 },
    user: {
      additionalFields: {
        // input: true only so the OIDC profile mapping can set it; the endpoints that accept other
        // user input (sign-up, update-user) are closed by the path allow-list below.
        role: { type: "string", required: false, input: true, returned: true },
      },
      validateUserInfo: validateOidcUser(db, settings.oidc),
    },
    // Never attach an IdP identity to an existing user by email: that user may be a break-glass account.
    account: { accountLinking: { enabled: false } },
    session: {
      expiresIn: settings.sessionMaxHours * 3600,
      // The absolute lifetime stays fixed; idleness is enforced by readSession (session.updatedAt).
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      // Shared by every web process and kept across restarts, unlike "memory"; the per-address
      // sign-in throttle is in the database too.
      storage: "database",
      window: 60,
      max: 600,
      customRules: { "/sign-in/*": loginRule, "/two-factor/*": loginRule, "/callback/*": loginRule },
    },
    advanced: {
      cookiePrefix: "vigil",
      useSecureCookies: settings.isSecureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: settings.isSecureCookies },
      disableOriginCheck: false,
      // Only the address Vigil's web server resolved from the socket (lib/web): it strips any copy
      // a client sends. X-Forwarded-For is a client's word and is never read here; proxies are
      // resolved by that server (VIGIL_TRUSTED_PROXIES).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    onAPIError: {
      errorURL: `${settings.baseUrl}/login`,
      // Refusals thrown by Vigil's hooks (a throttled attempt, a replayed code) are answers, logged
      // where they are decided; only failures of the server itself are errors here.
      onError: (error) => {
        if (isAPIError(error) && error.statusCode < 500) return;
        logger?.error({ source: "better-auth", err: error }, "auth request failed");
      },
    },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => {
        if (level === "error") logger?.error({ source: "better-auth" }, message);
        else if (level === "warn") logger?.warn({ source: "better-auth" }, message);
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (!ALLOWED_AUTH_PATHS.has(ctx.path ?? "")) {
          throw new APIError("NOT_FOUND", { code: AUTH_ERROR.NOT_AVAILABLE, message: "Not available in Vigil" });
        }
      }),
    },
    databaseHooks: {
      session: { create: { before: sessionCreateGuard(db) } },
      account: { create: { before: stripOidcTokens }, update: { before: stripOidcTokens } },
      user: {
        create: {
          before: async (_user, ctx) => {
            // Local accounts are created by createLocalUser, never through better-auth.
            if (ctx?.path !== "/callback/:id") return false;
            return undefined;
          },
        },
      },
    },
    plugins: [
      username(),
      twoFactor({
        issuer: TOTP_ISSUER,
        // Vigil's own throttle (VIGIL_LOCKOUT_*) counts password and TOTP failures together, per
        // client address; better-auth's account-wide TOTP lock would let a stranger lock the owner out.
        accountLockout: { enabled: false },
        trustDeviceMaxAge: 1,
      }),
      vigilGuardPlugin(db, settings, logger),
      ...(settings.oidc ? [oidcPlugin(settings.oidc)] : []),
    ],
  } satisfies BetterAuthOptions;
  return betterAuth(options);
}

export type VigilAuth = ReturnType<typeof createAuth>;
