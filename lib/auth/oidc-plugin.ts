import type { BetterAuthPlugin } from "better-auth";
import { genericOAuth, type GenericOAuthConfig, type GenericOAuthUserInfo } from "better-auth/plugins/generic-oauth";
import type { OidcSettings } from "./auth-settings";
import { deriveRole, readGroupsClaim } from "./role-map";
import { roleFromName } from "./roles";

export const OIDC_PROVIDER_ID = "oidc";
const USERINFO_TIMEOUT_MS = 5_000;

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/**
 * better-auth's genericOAuth plugin, with discovery deferred to the first SSO sign-in. Upstream
 * fetches discovery in `init` (with no timeout), so an unreachable or black-holed issuer would
 * stall or degrade every auth request, local break-glass sign-in included. Here `init` only
 * registers the provider as "pending"; the plugin's own before-hook then discovers it (10 s
 * timeout) when someone presses the SSO button, and retries on the next press after a failure.
 * Relies on the plugin's `genericOAuthPendingDiscovery` context field (better-auth 1.7, pinned);
 * lib/auth/oidc-outage.integration.test.ts fails if that contract changes.
 */
export function oidcPlugin(settings: OidcSettings): BetterAuthPlugin {
  const config: GenericOAuthConfig = {
    providerId: OIDC_PROVIDER_ID,
    name: settings.providerName,
    discoveryUrl: discoveryUrl(settings.issuer),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    scopes: settings.scopes,
    pkce: true,
    requireIdTokenVerification: true,
    overrideUserInfo: true,
    getUserInfo: (tokens) => readOidcClaims(tokens, settings),
    // The role rides along with the profile so better-auth writes it on create and, with
    // overrideUserInfo, again at every sign-in. validateUserInfo refuses users with no role.
    mapProfileToUser: (profile) => {
      const role = roleForClaims(profile as Record<string, unknown>, settings);
      return role ? { role: roleFromName(role) } : {};
    },
  };
  const plugin = genericOAuth({ config: [config] });
  return {
    ...plugin,
    init: () => ({
      context: { genericOAuthPendingDiscovery: new Map([[config.providerId, config]]) } as Record<string, unknown>,
    }),
  } as BetterAuthPlugin;
}

export function roleForClaims(claims: Record<string, unknown>, settings: OidcSettings) {
  return deriveRole(readGroupsClaim(claims, settings.groupsClaim), settings.roleMap, settings.defaultRole);
}

/**
 * Profile claims: the ID token (already verified against the issuer's JWKS and nonce by the
 * plugin), plus the userinfo endpoint when the token lacks the groups claim; many IdPs release
 * groups only there.
 */
async function readOidcClaims(
  tokens: { idToken?: string; accessToken?: string },
  settings: OidcSettings,
): Promise<GenericOAuthUserInfo | null> {
  if (!tokens.idToken) return null;
  let claims = decodeJwtPayload(tokens.idToken);
  if (!claims) return null;
  if (!(settings.groupsClaim in claims) && tokens.accessToken) {
    const userinfo = await fetchUserinfo(settings, tokens.accessToken);
    // The userinfo response must describe the same subject as the verified ID token.
    if (userinfo && userinfo.sub === claims.sub)
      claims = { ...userinfo, ...claims, [settings.groupsClaim]: userinfo[settings.groupsClaim] };
  }
  if (typeof claims.sub !== "string") return null;
  return {
    ...claims,
    id: claims.sub,
    email: typeof claims.email === "string" ? claims.email : undefined,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === "string" ? claims.name : undefined,
    image: typeof claims.picture === "string" ? claims.picture : undefined,
  };
}

async function fetchUserinfo(settings: OidcSettings, accessToken: string): Promise<Record<string, unknown> | null> {
  try {
    const discovery = (await (await fetch(discoveryUrl(settings.issuer), { signal: AbortSignal.timeout(USERINFO_TIMEOUT_MS) })).json()) as {
      userinfo_endpoint?: unknown;
    };
    if (typeof discovery.userinfo_endpoint !== "string") return null;
    const response = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(USERINFO_TIMEOUT_MS),
    });
    return response.ok ? ((await response.json()) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The payload of a JWT whose signature the plugin has already verified. */
function decodeJwtPayload(token: string): Record<string, unknown> | null {
  try {
    const payload = token.split(".")[1];
    if (!payload) return null;
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
