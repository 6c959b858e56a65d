import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { PrismaClient } from "../db";
import { AUTH_ERROR } from "./auth-error-codes";
import type { AuthSettings } from "./auth-settings";
import { claimTotpCode } from "./claim-totp-code";
import { throttleAddressOf } from "../client-address";
import { errorCode, metaOf, type AuthLogger, type HookContext } from "./hook-context";
import { keepNewestTwoFactorChallenge, pendingTwoFactorUserId } from "./two-factor-challenge";
import { recordSignInFailure, recordSignInSuccess } from "./sign-in-outcome";
import { refundPasswordAttempt, reserveSignInAttempt, throttleSubjectFor, type ThrottleKey } from "./sign-in-throttle";

type Hook = NonNullable<NonNullable<BetterAuthPlugin["hooks"]>["before"]>[number];

/** An attempt that passed its reservation, handed from the before hook to the after hook. */
type ReservedAttempt = {
  key: ThrottleKey;
  failures: number;
  blockedUntil: Date | null;
  user: { id: string; username: string | null } | null;
  username: string;
};

const PASSWORD_PATH = "/sign-in/username";
const TOTP_PATH = "/two-factor/verify-totp";

/** The same answer whether or not the username exists: it says nothing about the account. */
export function throttledError(retryAfterSeconds: number): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    {
      code: AUTH_ERROR.SIGN_IN_THROTTLED,
      message: `Too many failed sign-in attempts from your address. Try again in ${retryAfterSeconds} s.`,
      retryAfter: retryAfterSeconds,
    },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

function replayedCodeError(): APIError {
  return new APIError("UNAUTHORIZED", {
    code: AUTH_ERROR.TOTP_CODE_REPLAYED,
    message: "This code was already used. Wait for the next code from your authenticator.",
  });
}

function usernameOf(ctx: HookContext): string {
  return String((ctx.body as { username?: unknown })?.username ?? "")
    .trim()
    .toLowerCase();
}

/**
 * Local sign-in (password, then TOTP), hardened against parallel guessing: each attempt first
 * reserves a slot in the per-(account, client address) throttle, so a burst is cut off at the
 * threshold before any password or code is checked; password and TOTP failures count together;
 * unknown usernames take the same path; a correct password gives its slot back; a complete sign-in
 * clears the address's count. A user has one open TOTP challenge at a time.
 */
export function localSignInHooks(db: PrismaClient, settings: AuthSettings, log: AuthLogger): { before: Hook[]; after: Hook[] } {
  const policy = settings.lockout;
  // Keyed by the request object, which better-auth hands to both hooks of one call.
  const reserved = new WeakMap<Request, ReservedAttempt>();

  const localUser = (where: { id: string } | { username: string }) =>
    db.user.findFirst({ where: { ...where, isLocal: true }, select: { id: true, username: true } });

  async function reserve(ctx: HookContext, user: ReservedAttempt["user"], username: string): Promise<ReservedAttempt> {
    const key: ThrottleKey = {
      subject: throttleSubjectFor(user, username, settings.secret),
      clientAddress: throttleAddressOf(metaOf(ctx).ip),
      userId: user?.id ?? null,
    };
    const reservation = await reserveSignInAttempt(db, key, policy);
    if (!reservation.isAllowed) throw throttledError(reservation.retryAfterSeconds);
    const attempt = { key, failures: reservation.failures, blockedUntil: reservation.blockedUntil, user, username };
    if (ctx.request) reserved.set(ctx.request, attempt);
    return attempt;
  }

  async function recordFailure(ctx: HookContext, attempt: ReservedAttempt, step: "password" | "totp", reason: string) {
    const meta = metaOf(ctx);
    const alert = await recordSignInFailure(db, {
      userId: attempt.user?.id ?? null,
      username: attempt.username || "(empty)",
      method: "LOCAL",
      meta,
      step,
      reason,
      throttle: attempt,
      policy,
    });
    if (alert) {
      log.error(
        { event: "sign_in_alert", userId: attempt.user?.id, username: attempt.username, ...alert },
        "sign-in alert: failed attempts against one account from many addresses",
      );
    }
  }

  const before: Hook[] = [
    {
      matcher: (ctx) => ctx.path === PASSWORD_PATH,
      handler: createAuthMiddleware(async (ctx) => {
        const username = usernameOf(ctx);
        const user = username ? await localUser({ username }) : null;
        await reserve(ctx, user, username);
      }),
    },
    {
      matcher: (ctx) => ctx.path === TOTP_PATH,
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
        // No open challenge: better-auth refuses without looking at the code.
        if (!user) return;
        const attempt = await reserve(ctx, user, user.username ?? "");
        // Each code (its time step) signs a user in once: a code seen on the wire, or an older
        // one still inside the acceptance window, is refused, with its own message and log line.
        const code = String((ctx.body as { code?: unknown })?.code ?? "");
        const claim = await claimTotpCode(db, { userId: user.id, code, secretKey: ctx.context.secretConfig });
        if (claim !== "replayed") return;
        await recordFailure(ctx, attempt, "totp", "replayed TOTP code");
        log.warn(
          { event: "totp_replayed", userId: user.id, username: user.username, ip: metaOf(ctx).ip, failedCount: attempt.failures },
          "replayed TOTP code refused: it already signed this user in",
        );
        throw replayedCodeError();
      }),
    },
  ];

  const after: Hook[] = [
    {
      matcher: (ctx) => ctx.path === PASSWORD_PATH,
      handler: createAuthMiddleware(async (ctx) => {
        const attempt = ctx.request ? reserved.get(ctx.request) : undefined;
        if (!attempt) return;
        const returned = ctx.context.returned;
        if (!isAPIError(returned) && attempt.user) {
          await refundPasswordAttempt(db, attempt.key, policy);
          await keepNewestTwoFactorChallenge(db, attempt.user.id);
          return;
        }
        const code = errorCode(returned);
        const reason =
          code === AUTH_ERROR.INVALID_USERNAME_OR_PASSWORD
            ? attempt.user
              ? "wrong password"
              : "unknown username"
            : `refused: ${code ?? "error"}`;
        await recordFailure(ctx, attempt, "password", reason);
      }),
    },
    {
      matcher: (ctx) => ctx.path === TOTP_PATH,
      handler: createAuthMiddleware(async (ctx) => {
        const attempt = ctx.request ? reserved.get(ctx.request) : undefined;
        if (!attempt?.user) return;
        const signedIn = ctx.context.newSession;
        if (signedIn) {
          await recordSignInSuccess(db, {
            userId: signedIn.user.id,
            username: attempt.user.username ?? signedIn.user.email,
            method: "LOCAL",
            meta: metaOf(ctx),
            throttle: attempt.key,
          });
          return;
        }
        const code = errorCode(ctx.context.returned);
        if (code === AUTH_ERROR.INVALID_CODE) {
          log.warn(
            {
              event: "totp_wrong",
              userId: attempt.user.id,
              username: attempt.user.username,
              ip: metaOf(ctx).ip,
              failedCount: attempt.failures,
            },
            "wrong TOTP code",
          );
        }
        await recordFailure(ctx, attempt, "totp", code === AUTH_ERROR.INVALID_CODE ? "wrong TOTP code" : `refused: ${code ?? "error"}`);
      }),
    },
  ];

  return { before, after };
}
