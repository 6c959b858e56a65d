import { parseAwsManagedPolicyArn } from "./aws-managed-policy-arns";
import { toPolicyDocument, type PolicyDocumentInput } from "./policy-document";
import type { AwsManagedPolicyDocument } from "./types";
import type { Maybe } from "./wire-values";

/** Where a document read from IAM (GetPolicyVersion, or an exported authorization-details listing) came from. */
export const IAM_SOURCE = "iam";

export interface ManagedPolicyInput {
  Arn?: Maybe<string>;
  PolicyName?: Maybe<string>;
  Path?: Maybe<string>;
  DefaultVersionId?: Maybe<string>;
}

export interface PolicyVersionInput {
  VersionId?: Maybe<string>;
  /** URL-encoded text from the API; a JSON object from the AWS CLI, which decodes it */
  Document?: Maybe<PolicyDocumentInput>;
}

/** Name and path from the policy when given, else from its ARN. */
export function toAwsManagedPolicyDocument(
  arn: string,
  policy: ManagedPolicyInput | null,
  version: PolicyVersionInput,
  source: string = IAM_SOURCE,
): AwsManagedPolicyDocument {
  const parsed = parseAwsManagedPolicyArn(arn);
  return {
    key: arn,
    arn,
    name: policy?.PolicyName ?? parsed?.name ?? arn,
    path: policy?.Path ?? parsed?.path ?? "/",
    versionId: version.VersionId ?? policy?.DefaultVersionId ?? null,
    document: toPolicyDocument(version.Document),
    source,
  };
}
