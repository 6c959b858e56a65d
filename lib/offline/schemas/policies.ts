import { z } from "zod";
import { IAM_POLICY_NAME, ORG_POLICY_ID } from "../../aws";
import { policyDocumentInput } from "./common";

export const orgPolicyId = z.string().regex(ORG_POLICY_ID, "must be an Organizations policy id (p- and 8 to 128 letters, digits or _)");
export const iamPolicyName = z.string().regex(IAM_POLICY_NAME, "must be an IAM policy name (1 to 128 of letters, digits and _+=,.@-)");

const POLICY_SUMMARY = z
  .object({
    Id: orgPolicyId,
    Arn: z.string().optional(),
    Name: z.string().optional(),
    Description: z.string().nullish(),
    Type: z.string().optional(),
    AwsManaged: z.boolean().nullish(),
  })
  .loose();

/** `aws organizations list-policies --filter SERVICE_CONTROL_POLICY` */
export const LIST_POLICIES = z.object({ Policies: z.array(POLICY_SUMMARY) });

/** `aws organizations describe-policy --policy-id <id>`: Content is the policy's JSON text. */
export const DESCRIBE_POLICY = z.object({ Policy: z.object({ PolicySummary: POLICY_SUMMARY, Content: z.string() }).loose() });

/** `aws organizations list-targets-for-policy --policy-id <id>` */
export const LIST_TARGETS_FOR_POLICY = z.object({
  Targets: z.array(
    z
      .object({
        TargetId: z.string().min(1).max(100),
        Arn: z.string().nullish(),
        Name: z.string().nullish(),
        Type: z.string().nullish(),
      })
      .loose(),
  ),
});

/** `aws iam get-policy-version --policy-arn <arn> --version-id <id>` (the CLI decodes the document into an object). */
export const GET_POLICY_VERSION = z.object({
  PolicyVersion: z
    .object({ Document: policyDocumentInput, VersionId: z.string().optional(), IsDefaultVersion: z.boolean().optional() })
    .loose(),
});
