/** Token columns better-auth fills on an IdP account row (Account): bearer secrets for the IdP's APIs. */
const TOKEN_FIELDS = ["accessToken", "refreshToken", "idToken", "accessTokenExpiresAt", "refreshTokenExpiresAt"] as const;

/**
 * A databaseHooks `account.create/update` before-hook that keeps no IdP token. Vigil needs the IdP
 * only during sign-in (the groups claim decides the role, read before the row is written), so a
 * stored token would be a live credential at the IdP with no use here, exposed by any database leak.
 * Null, not undefined: an update leaves undefined columns as they were.
 */
export async function stripOidcTokens(): Promise<{ data: Record<(typeof TOKEN_FIELDS)[number], null> }> {
  return { data: Object.fromEntries(TOKEN_FIELDS.map((field) => [field, null])) as Record<(typeof TOKEN_FIELDS)[number], null> };
}
