import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { PrismaClient } from "../db";
import { AUTH_ERROR } from "./auth-error-codes";
import type { AuthSettings } from "./auth-settings";
import { errorCode, metaOf, SILENT_AUTH_LOGGER, type AuthLogger } from "./hook-context";
import { localSignInHooks } from "./local-sign-in-guard";
import { discoveryUrl } from "./oidc-plugin";
import { recordAuthEvent } from "./record-auth-event";
import { recordSignInSuccess } from "./sign-in-outcome";

const ISSUER_PROBE_TIMEOUT_MS = 3_000;

function ssoUnavailable(): APIError {
  return new APIError("SERVICE_UNAVAILABLE", {
    code: AUTH_ERROR.SSO_UNAVAILABLE,
    message: "The identity provider cannot be reached. Sign in with a local break-glass account instead.",
  });
}

async function isIssuerReachable(issuer: string): Promise<boolean> {
  try {
    const response = await fetch(discoveryUrl(issuer), { signal: AbortSignal.timeout(ISSUER_PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Vigil's rules around better-auth's endpoints: the local sign-in throttle across both steps
 * (local-sign-in-guard.ts), no "trust this device" shortcut past TOTP, AuthEvents for every
 * outcome, and a clear error when the IdP cannot be reached.
 */
export function vigilGuardPlugin(db: PrismaClient, settings: AuthSettings, log: AuthLogger = SILENT_AUTH_LOGGER): BetterAuthPlugin {
  const local = localSignInHooks(db, settings, log);
  return {
    id: "vigil-guard",
    hooks: {
      before: [
        ...local.before,
        {
          matcher: (ctx) => ctx.path === "/sign-in/social",
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { idToken?: unknown; provider?: unknown } | undefined;
            // Only the authorization-code flow through the configured IdP; no ID-token sign-in.
            if (body?.idToken || body?.provider !== "oidc" || !settings.oidc) {
              throw new APIError("BAD_REQUEST", {
                code: AUTH_ERROR.NOT_AVAILABLE,
                message: "Only SSO sign-in via the configured provider is available",
              });
            }
            // Once discovered, starting SSO needs no IdP round trip, so a dead IdP would only show
            // up as a browser error page on its side. Probe it and fail here, in Vigil, instead.
            if (!(await isIssuerReachable(settings.oidc.issuer))) throw ssoUnavailable();
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/sign-out",
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (!session) return;
            const user = await db.user.findUnique({
              where: { id: session.user.id },
              select: { id: true, username: true, email: true, isLocal: true },
            });
            if (!user) return;
            await recordAuthEvent(db, {
              type: "SIGN_OUT",
              userId: user.id,
              username: user.username ?? user.email,
              method: user.isLocal ? "LOCAL" : "OIDC",
              meta: metaOf(ctx),
            });
          }),
        },
      ],
      after: [
        ...local.after,
        {
          matcher: (ctx) => ctx.path === "/callback/:id",
          handler: createAuthMiddleware(async (ctx) => {
            const signedIn = ctx.context.newSession;
            if (signedIn) {
              const user = await db.user.findUnique({ where: { id: signedIn.user.id }, select: { role: true } });
              await recordSignInSuccess(db, {
                userId: signedIn.user.id,
                username: signedIn.user.email,
                method: "OIDC",
                meta: metaOf(ctx),
                detail: { role: user?.role ?? "unknown" },
              });
              return;
            }
            const location = isAPIError(ctx.context.returned)
              ? new Headers(ctx.context.returned.headers ?? undefined).get("location")
              : null;
            const error = location ? new URL(location, settings.baseUrl).searchParams.get("error") : null;
            // Role and local-account refusals were recorded with the user's identity already.
            if (!error || error === AUTH_ERROR.NO_VIGIL_ROLE || error === AUTH_ERROR.LOCAL_ACCOUNT) return;
            await recordAuthEvent(db, {
              type: "SIGN_IN_FAILURE",
              userId: null,
              username: "(sso)",
              method: "OIDC",
              meta: metaOf(ctx),
              detail: { reason: error.slice(0, 100) },
            });
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/sign-in/social",
          handler: createAuthMiddleware(async (ctx) => {
            // Discovery was retried (and failed) by the generic OAuth plugin just before.
            if (errorCode(ctx.context.returned) === "PROVIDER_NOT_FOUND") throw ssoUnavailable();
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
