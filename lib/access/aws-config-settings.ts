import type { IdentityCenterInstance } from "../aws";
import { env } from "../env";
import type { AwsConfigSsoSession } from "./aws-config-render";

/** What a generated config's sso-session needs from the settings. */
export interface AwsConfigSettings {
  /** VIGIL_SSO_START_URL */
  startUrl: string | null;
  /** VIGIL_AWS_SSO_REGION, else AWS_REGION; null when neither is set */
  ssoRegion: string | null;
  /** AWS_REGION: the profiles' default region; null when unset */
  region: string | null;
}

export const AWS_CONFIG_SESSION_NAME = "vigil";
const DEFAULT_REGION = "us-east-1";
const PLACEHOLDER_START_URL = "https://YOUR-PORTAL.awsapps.com/start";
// Identity Center's default portal is https://<identity store id>.awsapps.com/start until an alias is chosen.
const IDENTITY_STORE_ID = /^d-[0-9a-f]{10}$/;

export function awsConfigSettingsFromEnv(): AwsConfigSettings {
  const settings = env();
  return {
    startUrl: settings.VIGIL_SSO_START_URL ?? null,
    ssoRegion: settings.VIGIL_AWS_SSO_REGION ?? settings.AWS_REGION ?? null,
    region: settings.AWS_REGION ?? null,
  };
}

/**
 * The sso-session: the start URL set in the settings, else the identity store's default portal URL
 * (Identity Center does not report a custom alias), else a placeholder; each guess is said in a note.
 */
export function awsConfigSession(instance: IdentityCenterInstance | null, settings: AwsConfigSettings): AwsConfigSsoSession {
  const notes: string[] = [];
  let startUrl = settings.startUrl;
  if (!startUrl && instance && IDENTITY_STORE_ID.test(instance.identityStoreId)) {
    startUrl = `https://${instance.identityStoreId}.awsapps.com/start`;
    notes.push(
      `sso_start_url is the default portal URL of identity store ${instance.identityStoreId}; if your portal has an alias, set VIGIL_SSO_START_URL`,
    );
  }
  if (!startUrl) {
    startUrl = PLACEHOLDER_START_URL;
    notes.push("sso_start_url is a PLACEHOLDER: set VIGIL_SSO_START_URL to your AWS access portal URL, or replace it here");
  }
  const region = settings.ssoRegion ?? DEFAULT_REGION;
  if (!settings.ssoRegion)
    notes.push(`sso_region is a PLACEHOLDER (${DEFAULT_REGION}): set VIGIL_AWS_SSO_REGION to Identity Center's region`);
  return { name: AWS_CONFIG_SESSION_NAME, startUrl, region, notes };
}
