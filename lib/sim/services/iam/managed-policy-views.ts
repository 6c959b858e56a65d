import { awsManagedPolicyVersion, AWS_MANAGED_POLICIES, type AwsManagedPolicy } from "../../catalog/aws-managed-policies";
import type { AccountIam, IamManagedPolicy } from "../../model/iam";

/** One managed policy as an account's IAM shows it: local or AWS managed, with its use in the account. */
export interface ManagedPolicyView {
  name: string;
  policyId: string;
  arn: string;
  path: string;
  isAwsManaged: boolean;
  description?: string;
  createDate: Date;
  updateDate: Date;
  defaultVersionId: string;
  /** JSON text of the default version. */
  document: string;
  versionCreateDate: Date;
  attachmentCount: number;
  boundaryCount: number;
}

export interface PolicyUsage {
  attached: Map<string, number>;
  boundaries: Map<string, number>;
}

export const AWS_POLICY_ARN_PREFIX = "arn:aws:iam::aws:policy/";

export function policyUsage(iam: AccountIam): PolicyUsage {
  const attached = new Map<string, number>();
  const boundaries = new Map<string, number>();
  const bump = (map: Map<string, number>, arn: string | undefined) => {
    if (arn !== undefined) map.set(arn, (map.get(arn) ?? 0) + 1);
  };
  for (const entity of [...iam.users, ...iam.groups, ...iam.roles]) {
    for (const p of entity.attachedPolicies) bump(attached, p.arn);
  }
  for (const entity of [...iam.users, ...iam.roles]) bump(boundaries, entity.permissionsBoundaryArn);
  return { attached, boundaries };
}

// The simulator keeps one version of a customer managed policy: v1, written when it was created.
export const localPolicyView = (p: IamManagedPolicy, usage: PolicyUsage): ManagedPolicyView => ({
  name: p.policyName,
  policyId: p.policyId,
  arn: p.arn,
  path: p.path,
  isAwsManaged: false,
  description: p.description,
  createDate: p.createDate,
  updateDate: p.updateDate,
  defaultVersionId: "v1",
  document: p.document,
  versionCreateDate: p.createDate,
  attachmentCount: usage.attached.get(p.arn) ?? 0,
  boundaryCount: usage.boundaries.get(p.arn) ?? 0,
});

export function awsPolicyView(p: AwsManagedPolicy, usage: PolicyUsage): ManagedPolicyView {
  const version = awsManagedPolicyVersion(p);
  return {
    name: p.name,
    policyId: p.policyId,
    arn: p.arn,
    path: p.path,
    isAwsManaged: true,
    description: p.description,
    createDate: version.createDate,
    updateDate: version.updateDate,
    defaultVersionId: version.versionId,
    document: version.document,
    versionCreateDate: version.versionCreateDate,
    attachmentCount: usage.attached.get(p.arn) ?? 0,
    boundaryCount: usage.boundaries.get(p.arn) ?? 0,
  };
}

/** The account's customer managed policies, then every AWS managed policy the simulator knows. */
export function allPolicyViews(iam: AccountIam, scope: { local: boolean; aws: boolean }): ManagedPolicyView[] {
  const usage = policyUsage(iam);
  return [
    ...(scope.local ? iam.policies.map((p) => localPolicyView(p, usage)) : []),
    ...(scope.aws ? AWS_MANAGED_POLICIES.map((p) => awsPolicyView(p, usage)) : []),
  ];
}

/** The Policy shape of GetPolicy and ListPolicies (ListPolicies leaves out Description). */
export function policyXml(view: ManagedPolicyView, withDescription: boolean) {
  return {
    PolicyName: view.name,
    PolicyId: view.policyId,
    Arn: view.arn,
    Path: view.path,
    DefaultVersionId: view.defaultVersionId,
    AttachmentCount: view.attachmentCount,
    PermissionsBoundaryUsageCount: view.boundaryCount,
    IsAttachable: true,
    Description: withDescription ? view.description : undefined,
    CreateDate: view.createDate,
    UpdateDate: view.updateDate,
  };
}
