import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { z } from "zod";

export interface AwsConcurrency {
  /** member accounts collected at the same time */
  accounts: number;
  /** in-flight Organizations calls (management account) */
  organizations: number;
  /** in-flight SSO Admin + Identity Store calls; Identity Center has a collective 20 TPS limit */
  identityCenter: number;
  /** in-flight IAM calls per account */
  iamPerAccount: number;
  /** account+region CloudTrail lookups at the same time (each is also paced to 2 req/s) */
  cloudTrail: number;
}

export interface AwsConfig {
  /** one endpoint for every service (the simulator); real AWS when absent */
  endpoint?: string;
  /** region for Organizations, IAM, STS */
  region: string;
  /** region of the Identity Center instance */
  ssoRegion: string;
  cloudTrailRegions: string[];
  auditRoleName: string;
  externalId?: string;
  /** learned from DescribeOrganization when absent */
  managementAccountId?: string;
  /** AWS organisations often cannot assume into the management account; use base credentials there by default */
  assumeInManagementAccount: boolean;
  maxAttempts: number;
  concurrency: AwsConcurrency;
  /**
   * Requests per second sent to SSO Admin + Identity Store together. AWS documents a collective
   * 20 TPS; pacing just below it avoids the throttle-and-back-off cycle adaptive retry would go through.
   */
  identityCenterRatePerSecond: number;
  /** base credentials; the SDK default provider chain when absent */
  credentials?: AwsCredentialIdentityProvider;
  /** longest wait for one response; a silent endpoint fails the call with a TimeoutError instead of hanging */
  timeoutMs: number;
  /** aborts every in-flight and later call of clients built from this config (a job's signal) */
  signal?: AbortSignal;
  /** credential report polling */
  credentialReport: { initialDelayMs: number; maxDelayMs: number; timeoutMs: number };
}

export const DEFAULT_CONCURRENCY: AwsConcurrency = {
  accounts: 8,
  organizations: 4,
  identityCenter: 8,
  iamPerAccount: 2,
  cloudTrail: 8,
};

/** Settings as they arrive from the environment or a settings page; turned into an AwsConfig with defaults. */
export const AWS_CONFIG_SCHEMA = z.object({
  endpoint: z.string().url().optional(),
  region: z.string().min(1).default("us-east-1"),
  ssoRegion: z.string().min(1).optional(),
  cloudTrailRegions: z.array(z.string().min(1)).min(1).default(["us-east-1"]),
  auditRoleName: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/)
    .default("VigilAuditRole"),
  externalId: z.string().min(2).max(1224).optional(),
  managementAccountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  assumeInManagementAccount: z.boolean().default(false),
  maxAttempts: z.number().int().min(1).max(20).default(8),
  timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  identityCenterRatePerSecond: z.number().positive().max(1000).default(18),
  concurrency: z
    .object({
      accounts: z.number().int().min(1).max(64),
      organizations: z.number().int().min(1).max(16),
      identityCenter: z.number().int().min(1).max(20),
      iamPerAccount: z.number().int().min(1).max(8),
      cloudTrail: z.number().int().min(1).max(64),
    })
    .partial()
    .default({}),
  credentialReport: z
    .object({
      initialDelayMs: z.number().int().min(0),
      maxDelayMs: z.number().int().min(0),
      timeoutMs: z.number().int().min(0),
    })
    .partial()
    .default({}),
});

export type AwsConfigInput = z.input<typeof AWS_CONFIG_SCHEMA> & { credentials?: AwsCredentialIdentityProvider; signal?: AbortSignal };

export function resolveAwsConfig(input: AwsConfigInput): AwsConfig {
  const parsed = AWS_CONFIG_SCHEMA.parse(input);
  return {
    ...parsed,
    ssoRegion: parsed.ssoRegion ?? parsed.region,
    concurrency: { ...DEFAULT_CONCURRENCY, ...parsed.concurrency },
    credentialReport: { initialDelayMs: 500, maxDelayMs: 15_000, timeoutMs: 120_000, ...parsed.credentialReport },
    credentials: input.credentials,
    signal: input.signal,
  };
}
