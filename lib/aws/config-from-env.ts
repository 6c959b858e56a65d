import { env, type Env } from "../env";
import { resolveAwsConfig, type AwsConfig } from "./config";

/** The AwsConfig a deployment runs with, from the validated environment (lib/env.ts). */
export function awsConfigFromEnv(): AwsConfig {
  return awsConfigFromSettings(env());
}

export function awsConfigFromSettings(settings: Env): AwsConfig {
  const region = settings.AWS_REGION ?? "us-east-1";
  const ssoRegion = settings.VIGIL_AWS_SSO_REGION ?? region;
  const cloudTrailRegions = settings.VIGIL_CLOUDTRAIL_REGIONS?.split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  return resolveAwsConfig({
    endpoint: settings.AWS_ENDPOINT_URL,
    region,
    ssoRegion,
    cloudTrailRegions: cloudTrailRegions?.length ? cloudTrailRegions : undefined,
    auditRoleName: settings.VIGIL_AWS_AUDIT_ROLE_NAME,
    externalId: settings.VIGIL_AWS_EXTERNAL_ID,
    assumeInManagementAccount: settings.VIGIL_AWS_ASSUME_IN_MANAGEMENT_ACCOUNT,
    concurrency: { accounts: settings.VIGIL_AWS_ACCOUNT_CONCURRENCY },
    timeoutMs: settings.VIGIL_AWS_TIMEOUT_MS,
  });
}
