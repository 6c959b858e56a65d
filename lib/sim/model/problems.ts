export const PLANTED_PROBLEM_KINDS = [
  "unused-iam-user",
  "orphaned-iam-user",
  "stale-access-key",
  "console-without-mfa",
  "external-trust",
  "dangling-trust-principal",
  "proxy-with-managed-policy",
  "broken-proxy-chain",
  "direct-user-assignment",
  "long-production-session",
  "unused-assignment",
  "breakglass-without-checkout",
] as const;

export type PlantedProblemKind = (typeof PLANTED_PROBLEM_KINDS)[number];

/** A problem a scenario deliberately contains, so tests can check Vigil finds it. */
export interface PlantedProblem {
  kind: PlantedProblemKind;
  accountId: string;
  /** ARN (or Identity Center id) of the thing at fault. */
  resource: string;
  description: string;
}
