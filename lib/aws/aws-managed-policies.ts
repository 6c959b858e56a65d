import { GetPolicyCommand, GetPolicyVersionCommand, type IAMClient } from "@aws-sdk/client-iam";
import { AwsResponseError } from "./aws-response-error";
import type { CollectionLog } from "./collection-log";
import { mapLimited } from "./concurrency";
import { toAwsManagedPolicyDocument } from "./map-aws-managed-policy";
import type { AwsManagedPolicyDocument, CollectionStatus } from "./types";

export interface AwsManagedPoliciesResult {
  policies: AwsManagedPolicyDocument[];
  status: CollectionStatus;
}

/**
 * The default version of each given AWS-managed policy: GetPolicy (DefaultVersionId) then
 * GetPolicyVersion, through one IAM client — AWS's documents are the same in every account, so
 * each ARN is read once per snapshot, not once per account that attaches it. A policy that could
 * not be read is left out (PARTIAL, the snapshot carries its last known version); FAILED when none could.
 */
export async function collectAwsManagedPolicies(
  iam: IAMClient,
  arns: readonly string[],
  opts: { log: CollectionLog; concurrency: number; accountId?: string },
): Promise<AwsManagedPoliciesResult> {
  const log = opts.log.fork();
  const unique = [...new Set(arns)].sort();
  const read = await mapLimited(unique, opts.concurrency, (arn) =>
    log.attempt({ accountId: opts.accountId, service: "iam", operation: "GetPolicy" }, () => readDefaultVersion(iam, arn)),
  );
  const policies = read.filter((p) => p !== undefined);
  const status: CollectionStatus =
    policies.length === unique.length ? "COLLECTED" : policies.length === 0 && log.errors.length > 0 ? "FAILED" : "PARTIAL";
  return { policies, status };
}

async function readDefaultVersion(iam: IAMClient, arn: string): Promise<AwsManagedPolicyDocument> {
  const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
  if (!policy?.DefaultVersionId) throw new AwsResponseError(`GetPolicy ${arn} returned no DefaultVersionId`);
  const { PolicyVersion: version } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId }));
  if (!version?.Document) throw new AwsResponseError(`GetPolicyVersion ${arn} ${policy.DefaultVersionId} returned no Document`);
  return toAwsManagedPolicyDocument(arn, policy, version);
}
