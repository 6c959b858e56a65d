import type { AccountIam, IdentityCenterInventory } from "./types";

/**
 * `arn:<partition>:iam::aws:policy<path><name>`: the account field is the literal `aws`; path and
 * name in IAM's formats (botocore policyPathType, policyNameType).
 */
const AWS_MANAGED_POLICY_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):iam::aws:policy(\/(?:[A-Za-z0-9.,+@=_-]+\/)*)([\w+=,.@-]{1,128})$/;

export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED_POLICY_ARN.test(arn);
}

/** Name and path of an AWS-managed policy ARN (`…:policy/service-role/X` → path `/service-role/`, name `X`); null for any other ARN. */
export function parseAwsManagedPolicyArn(arn: string): { name: string; path: string } | null {
  const match = AWS_MANAGED_POLICY_ARN.exec(arn);
  return match ? { path: match[2]!, name: match[3]! } : null;
}

/**
 * Every AWS-managed policy attached anywhere: to roles, users and groups (attached or as permissions
 * boundary) and to permission sets (managed policies or boundary). Sorted, each ARN once.
 */
export function attachedAwsManagedPolicyArns(
  iamByAccount: Readonly<Record<string, AccountIam>>,
  identityCenter: IdentityCenterInventory | null,
): string[] {
  const arns = new Set<string>();
  const add = (arn: string | null | undefined) => {
    if (arn && isAwsManagedPolicyArn(arn)) arns.add(arn);
  };
  for (const iam of Object.values(iamByAccount)) {
    for (const principal of [...iam.roles, ...iam.users]) {
      principal.attachedManagedPolicies.forEach((p) => add(p.arn));
      add(principal.permissionsBoundaryArn);
    }
    for (const group of iam.groups) group.attachedManagedPolicies.forEach((p) => add(p.arn));
  }
  for (const permissionSet of identityCenter?.permissionSets ?? []) {
    permissionSet.awsManagedPolicies.forEach((p) => add(p.arn));
    add(permissionSet.permissionsBoundary?.managedPolicyArn);
  }
  return [...arns].sort();
}
