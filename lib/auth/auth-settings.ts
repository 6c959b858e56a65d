import { env, type Env } from "../env";
import { resolveAuthSecret } from "./auth-secret";
import { parseRoleMap, type RoleMap } from "./role-map";
import type { RoleName } from "./roles";
import { DEFAULT_FIRST_DELAY_SECONDS, type LockoutPolicy } from "./sign-in-throttle";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  groupsClaim: string;
  roleMap: RoleMap;
  defaultRole: RoleName | undefined;
  providerName: string;
};

export type AuthSettings = {
  /** Origin of the web app; OIDC callbacks and CSRF checks are built from it. */
  baseUrl: string;
  secret: string;
  isSecureCookies: boolean;
  lockout: LockoutPolicy;
  sessionMaxHours: number;
  sessionIdleMinutes: number;
  loginRateLimitPerMinute: number;
  /** Null when OIDC is not configured: only local accounts can sign in. */
  oidc: OidcSettings | null;
};

export function baseUrlFrom(settings: Pick<Env, "VIGIL_BASE_URL" | "PORT">): string {
  return new URL(settings.VIGIL_BASE_URL ?? `http://localhost:${settings.PORT}`).origin;
}

/** Auth settings from validated env; `overrides` lets tests and launchers pin values. */
export function loadAuthSettings(overrides: Partial<AuthSettings> = {}, onSecretGenerated?: (file: string) => void): AuthSettings {
  const settings = env();
  const baseUrl = overrides.baseUrl ?? baseUrlFrom(settings);
  const isOidcConfigured = Boolean(settings.OIDC_ISSUER && settings.OIDC_CLIENT_ID && settings.OIDC_CLIENT_SECRET);
  return {
    baseUrl,
    secret:
      overrides.secret ??
      resolveAuthSecret({
        configured: settings.VIGIL_AUTH_SECRET,
        dataDir: settings.VIGIL_DATA_DIR,
        onGenerated: onSecretGenerated,
      }),
    isSecureCookies: new URL(baseUrl).protocol === "https:" && !settings.VIGIL_DEV_INSECURE_COOKIES,
    lockout: {
      threshold: settings.VIGIL_LOCKOUT_THRESHOLD,
      lockMinutes: settings.VIGIL_LOCKOUT_MINUTES,
      firstDelaySeconds: DEFAULT_FIRST_DELAY_SECONDS,
      alertFailures: settings.VIGIL_SIGN_IN_ALERT_FAILURES,
    },
    sessionMaxHours: settings.VIGIL_SESSION_MAX_HOURS,
    sessionIdleMinutes: settings.VIGIL_SESSION_IDLE_MINUTES,
    loginRateLimitPerMinute: settings.VIGIL_LOGIN_RATE_LIMIT,
    oidc: isOidcConfigured
      ? {
          issuer: settings.OIDC_ISSUER!,
          clientId: settings.OIDC_CLIENT_ID!,
          clientSecret: settings.OIDC_CLIENT_SECRET!,
          scopes: settings.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean),
          groupsClaim: settings.OIDC_GROUPS_CLAIM,
          roleMap: parseRoleMap(settings.OIDC_ROLE_MAP),
          defaultRole: settings.OIDC_DEFAULT_ROLE,
          providerName: settings.OIDC_PROVIDER_NAME,
        }
      : null,
    ...overrides,
  };
}
