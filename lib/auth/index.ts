// The auth domain's public API. Everything else in lib/auth is internal.
export {
  ROLE_NAMES,
  PERMISSIONS,
  hasRole,
  hasPermission,
  isRoleName,
  roleFromName,
  roleName,
  rolesWithPermission,
  type Permission,
  type RoleName,
} from "./roles";
export { parseRoleMap, deriveRole, readGroupsClaim, type RoleMap } from "./role-map";
export { type LockoutPolicy } from "./sign-in-throttle";
export { loadAuthSettings, baseUrlFrom, type AuthSettings, type OidcSettings } from "./auth-settings";
export { createAuth, type VigilAuth } from "./create-auth";
export { getAuth, getServerAuth } from "./get-auth";
export { getSignInOptions, type SignInOptions } from "./sign-in-options";
export { readSession, type SessionUser, type VigilSession } from "./read-session";
export { createLocalUser, type CreatedLocalUser, type AccountChangeContext } from "./create-local-user";
export { LOCAL_USER_INPUT, USERNAME_SCHEMA, ROLE_NAME_SCHEMA, type LocalUserInput } from "./local-user-input";
export { resetTotp, type UserRef } from "./reset-totp";
export { changeUserRole } from "./change-user-role";
export { unlockUser } from "./unlock-user";
export type { AuthLogger } from "./hook-context";
export { findUsers } from "./find-users";
export type { UserSummary } from "./user-summary";
export { requestMetaFrom, type RequestMeta } from "./request-meta";
export { totpCode } from "./totp";
export { claimTotpCode, type TotpClaim } from "./claim-totp-code";
export { AUTH_ERROR } from "./auth-error-codes";
export { OIDC_PROVIDER_ID } from "./oidc-plugin";
