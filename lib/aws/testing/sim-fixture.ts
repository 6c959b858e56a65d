/**
 * Test helper: an AwsConfig pointed at the in-process simulator. Static keys that the simulator
 * does not know stand for its management-account administrator.
 */
import { resolveAwsConfig, type AwsConfig, type AwsConfigInput } from "../config";

export const SIM_AUDIT_ROLE_NAME = "VigilAuditRole";

export function makeSimAwsConfig(url: string, overrides: Partial<AwsConfigInput> = {}): AwsConfig {
  return resolveAwsConfig({
    endpoint: url,
    region: "us-east-1",
    cloudTrailRegions: ["us-east-1"],
    auditRoleName: SIM_AUDIT_ROLE_NAME,
    maxAttempts: 10,
    credentialReport: { initialDelayMs: 20, maxDelayMs: 200, timeoutMs: 20_000 },
    credentials: async () => ({ accessKeyId: "AKIAVIGILTESTHOST001", secretAccessKey: "vigil-test-secret" }),
    ...overrides,
  });
}
