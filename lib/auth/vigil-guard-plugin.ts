import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { PrismaClient } from "../db/client";
import { AUTH_ERROR } from "./auth-error-codes";
import type { AuthSettings } from "./auth-settings";
import { claimTotpCode } from "./claim-totp-code";
import { isLocked } from "./lockout";
import { discoveryUrl } from "./oidc-plugin";
import { recordAuthEvent } from "./record-auth-event";
import { requestMetaFrom, type RequestMeta } from "./request-meta";
import { recordSignInFailure, recordSignInSuccess } from "./sign-in-outcome";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const TWO_FACTOR_COOKIE = "two_factor";

function metaOf(ctx: HookContext): RequestMeta {
  return requestMetaFrom(ctx.request?.headers ?? ctx.headers);
}

export function lockedError(lockedUntil: Date): APIError {
  return new APIError("LOCKED", {
    code: AUTH_ERROR.ACCOUNT_LOCKED,
    message: `Account locked until ${lockedUntil.toISOString()}`,
    lockedUntil: lockedUntil.toISOString(),
  });
}

/** The user a pending TOTP challenge (the signed two_factor cookie) belongs to. */
async function pendingTwoFactorUserId(ctx: HookContext): Promise<string | null> {
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const verification = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return verification?.value ?? null;
}

/** The refusal better-auth gives a wrong code, so a replayed code looks no different. */
function invalidCodeError(): APIError {
  return new APIError("UNAUTHORIZED", { code: AUTH_ERROR.INVALID_CODE, message: "Invalid code" });
}

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

function errorCode(value: unknown): string | undefined {
  if (!isAPIError(value)) return undefined;
  const code = (value.body as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Vigil's rules around better-auth's endpoints: account lockout across both sign-in steps, no
 * "trust this device" shortcut past TOTP, AuthEvents for every outcome, and a clear error when the
 * IdP cannot be reached.
 */
export function vigilGuardPlugin(db: PrismaClient, settings: AuthSettings): BetterAuthPlugin {
  const localUser = (where: { id: string } | { username: string }) =>
    db.user.findFirst({
      where: { ...where, isLocal: true },
      select: { id: true, username: true, failedLoginCount: true, lockedUntil: true },
    });

  async function refuseIfLocked(user: { lockedUntil: Date | null; failedLoginCount: number } | null) {
    if (user && isLocked({ failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil }, new Date())) {
      throw lockedError(user.lockedUntil!);
    }
  }

  /** Counts a refused TOTP step towards the lockout; throws the lock if this failure set one. */
  async function recordTotpFailure(ctx: HookContext, user: { id: string; username: string | null }, reason: string) {
    const { lockedUntil } = await recordSignInFailure(db, {
      userId: user.id,
      username: user.username ?? "(unknown)",
      method: "LOCAL",
      meta: metaOf(ctx),
      step: "totp",
      reason,
      policy: settings.lockout,
    });
    if (lockedUntil) throw lockedError(lockedUntil);
  }

  return {
    id: "vigil-guard",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/username",
          handler: createAuthMiddleware(async (ctx) => {
            const username = String((ctx.body as { username?: unknown })?.username ?? "").trim().toLowerCase();
            const user = username ? await localUser({ username }) : null;
            if (user?.lockedUntil && user.lockedUntil > new Date()) {
              await recordAuthEvent(db, {
                type: "SIGN_IN_FAILURE",
                userId: user.id,
                username,
                method: "LOCAL",
                meta: metaOf(ctx),
                detail: { reason: "account locked" },
              });
            }
            await refuseIfLocked(user);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            if ((ctx.body as { trustDevice?: unknown })?.trustDevice) {
              // A trusted-device cookie would let later sign-ins skip TOTP; break-glass must not.
              throw new APIError("BAD_REQUEST", {
                code: AUTH_ERROR.TRUST_DEVICE_DISABLED,
                message: "Trusting a device is disabled: every sign-in needs a TOTP code",
              });
            }
            const userId = await pendingTwoFactorUserId(ctx);
            const user = userId ? await localUser({ id: userId }) : null;
            await refuseIfLocked(user);
            if (!user) return;
            // Each code (its time step) signs a user in once: a code seen on the wire, or an older
            // one still inside the acceptance window, is refused like a wrong code.
            const code = String((ctx.body as { code?: unknown })?.code ?? "");
            const claim = await claimTotpCode(db, { userId: user.id, code, secretKey: ctx.context.secretConfig });
            if (claim !== "replayed") return;
            await recordTotpFailure(ctx, user, "replayed TOTP code");
            throw invalidCodeError();
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/sign-in/social",
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { idToken?: unknown; provider?: unknown } | undefined;
            // Only the authorization-code flow through the configured IdP; no ID-token sign-in.
            if (body?.idToken || body?.provider !== "oidc" || !settings.oidc) {
              throw new APIError("BAD_REQUEST", { code: AUTH_ERROR.NOT_AVAILABLE, message: "Only SSO sign-in via the configured provider is available" });
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
        {
          matcher: (ctx) => ctx.path === "/sign-in/username",
          handler: createAuthMiddleware(async (ctx) => {
            if (errorCode(ctx.context.returned) !== AUTH_ERROR.INVALID_USERNAME_OR_PASSWORD) return;
            const username = String((ctx.body as { username?: unknown })?.username ?? "").trim().toLowerCase();
            const user = username ? await localUser({ username }) : null;
            const { lockedUntil } = await recordSignInFailure(db, {
              userId: user?.id ?? null,
              username: username || "(empty)",
              method: "LOCAL",
              meta: metaOf(ctx),
              step: "password",
              reason: user ? "wrong password" : "unknown username",
              policy: settings.lockout,
            });
            if (lockedUntil) throw lockedError(lockedUntil);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const signedIn = ctx.context.newSession;
            if (signedIn) {
              const user = await localUser({ id: signedIn.user.id });
              await recordSignInSuccess(db, {
                userId: signedIn.user.id,
                username: user?.username ?? signedIn.user.email,
                method: "LOCAL",
                meta: metaOf(ctx),
              });
              return;
            }
            if (errorCode(ctx.context.returned) !== AUTH_ERROR.INVALID_CODE) return;
            const userId = await pendingTwoFactorUserId(ctx);
            const user = userId ? await localUser({ id: userId }) : null;
            if (!user) return;
            await recordTotpFailure(ctx, user, "wrong TOTP code");
          }),
        },
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
