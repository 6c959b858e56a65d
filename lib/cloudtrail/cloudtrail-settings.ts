import { env, type Env } from "../env";

/**
 * Where sign-ins land (AWS-WIRE §6.1): IAM/STS global events and root sign-ins in us-east-1; IAM-user
 * console sign-ins through the global endpoint in us-east-2, eu-north-1 or ap-southeast-2 when an
 * account-alias cookie is present. Identity Center's AssumeRoleWithSAML lands in its own region.
 */
export const SIGN_IN_REGIONS = ["us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2"] as const;

/** Events that arrive in LookupEvents after the window closed are caught by re-reading this much. */
export const DEFAULT_OVERLAP_MS = 15 * 60 * 1000;

export interface CloudTrailSettings {
  lookbackDays: number;
  /** null: not configured, use `defaultCloudTrailRegions` */
  regions: string[] | null;
  breakglassUsers: string[];
  automationUsers: string[];
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function getCloudTrailSettings(source: Env = env()): CloudTrailSettings {
  const regions = list(source.VIGIL_CLOUDTRAIL_REGIONS);
  return {
    lookbackDays: source.VIGIL_CLOUDTRAIL_LOOKBACK_DAYS,
    regions: regions.length > 0 ? regions : null,
    breakglassUsers: list(source.VIGIL_BREAKGLASS_USERS),
    automationUsers: list(source.VIGIL_AUTOMATION_USERS),
  };
}

/** The sign-in regions plus the regions the organisation itself uses (home, Identity Center). */
export function defaultCloudTrailRegions(extra: ReadonlyArray<string | undefined> = []): string[] {
  const regions = new Set<string>(SIGN_IN_REGIONS);
  for (const region of extra) if (region) regions.add(region);
  return [...regions];
}

export function designatedUserNames(settings: CloudTrailSettings): string[] {
  return [...new Set([...settings.breakglassUsers, ...settings.automationUsers])].sort();
}
