import { getServerAuth } from "./get-auth";

export type SignInOptions = { isSsoEnabled: boolean; ssoProviderName: string };

/** What the sign-in page offers. Reads configuration only: the IdP is never contacted here. */
export async function getSignInOptions(): Promise<SignInOptions> {
  const { settings } = await getServerAuth();
  return { isSsoEnabled: settings.oidc !== null, ssoProviderName: settings.oidc?.providerName ?? "" };
}
