import type { RateLimitRule } from "../model/faults";

/**
 * The `rateLimits: "aws"` preset. LookupEvents (2/s per account and region) and Identity Center
 * (20 TPS) are documented; the Organizations and IAM figures are commonly observed values, not
 * published ones.
 */
export const AWS_RATE_LIMITS: readonly RateLimitRule[] = [
  { service: "cloudtrail", operation: "LookupEvents", ratePerSecond: 2, burst: 2, scope: "account-region" },
  { service: "sso", ratePerSecond: 20, burst: 20, scope: "account" },
  { service: "identitystore", ratePerSecond: 20, burst: 20, scope: "account" },
  { service: "organizations", ratePerSecond: 10, burst: 10, scope: "account" },
  { service: "iam", operation: "GetAccountAuthorizationDetails", ratePerSecond: 5, burst: 5, scope: "account" },
  { service: "iam", ratePerSecond: 20, burst: 20, scope: "account" },
  { service: "sts", ratePerSecond: 100, burst: 100, scope: "account" },
];
