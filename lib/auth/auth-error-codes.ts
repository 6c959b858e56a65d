/** Codes Vigil adds to better-auth's error bodies; the login page switches on them. */
export const AUTH_ERROR = {
  /** Too many failed attempts from this client address; the same for known and unknown usernames. */
  SIGN_IN_THROTTLED: "SIGN_IN_THROTTLED",
  TOTP_REQUIRED: "TOTP_REQUIRED",
  SSO_UNAVAILABLE: "SSO_UNAVAILABLE",
  NO_VIGIL_ROLE: "NO_VIGIL_ROLE",
  LOCAL_ACCOUNT: "LOCAL_ACCOUNT",
  TRUST_DEVICE_DISABLED: "TRUST_DEVICE_DISABLED",
  NOT_AVAILABLE: "NOT_AVAILABLE",
  INVALID_USERNAME_OR_PASSWORD: "INVALID_USERNAME_OR_PASSWORD",
  INVALID_CODE: "INVALID_CODE",
  /** A TOTP code (time step) that already signed this user in, or an older one. */
  TOTP_CODE_REPLAYED: "TOTP_CODE_REPLAYED",
} as const;

/**
 * The only better-auth endpoints Vigil exposes. Everything else (sign-up, password reset, profile
 * and email changes, 2FA enable/disable, backup codes, account linking) is refused, so new
 * better-auth endpoints stay closed until someone decides otherwise.
 */
export const ALLOWED_AUTH_PATHS: ReadonlySet<string> = new Set([
  "/sign-in/username",
  "/two-factor/verify-totp",
  "/sign-in/social",
  "/callback/:id",
  "/get-session",
  "/sign-out",
  "/ok",
  "/error",
]);
