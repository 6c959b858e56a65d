import {
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
  type PolicySummary,
} from "@aws-sdk/client-organizations";
import { AwsResponseError } from "./aws-response-error";
import type { CollectionLog } from "./collection-log";
import { mapLimited } from "./concurrency";
import { isScpEnabled, SERVICE_CONTROL_POLICY_TYPE, toServiceControlPolicy } from "./map-service-control-policy";
import { collectAll, NEXT_TOKEN } from "./paginate";
import type { CollectionStatus, OrgRoot, ServiceControlPolicy } from "./types";

export interface ServiceControlPoliciesResult {
  policies: ServiceControlPolicy[];
  status: CollectionStatus;
}

/**
 * Every SCP with its document and targets, once per snapshot, in the management account:
 * ListPolicies(SERVICE_CONTROL_POLICY), then DescribePolicy and ListTargetsForPolicy per policy.
 * When no root has the SCP policy type enabled, no SCP restricts anything: that is a complete
 * answer (an empty list), read from the roots without a call. A policy whose document or targets
 * could not be read is left out and the section is PARTIAL, so the snapshot carries its last
 * known version instead of reading it as detached.
 */
export async function collectServiceControlPolicies(
  client: OrganizationsClient,
  roots: readonly OrgRoot[],
  opts: { log: CollectionLog; concurrency: number },
): Promise<ServiceControlPoliciesResult> {
  if (!roots.some(isScpEnabled)) return { policies: [], status: "COLLECTED" };
  const log = opts.log.fork();
  const site = (operation: string) => ({ service: "organizations", operation });

  const summaries = await log.attempt(site("ListPolicies"), () =>
    collectAll({
      client,
      command: ListPoliciesCommand,
      input: { Filter: SERVICE_CONTROL_POLICY_TYPE },
      items: (p) => p.Policies,
      tokens: NEXT_TOKEN,
    }),
  );
  if (!summaries) return { policies: [], status: "FAILED" };

  const policies = await mapLimited(summaries, opts.concurrency, (summary) =>
    log.attempt(site("DescribePolicy"), () => readPolicy(client, summary)),
  );
  const read = policies.filter((p) => p !== undefined).sort((a, b) => a.id.localeCompare(b.id));
  return { policies: read, status: read.length === summaries.length ? "COLLECTED" : "PARTIAL" };
}

async function readPolicy(client: OrganizationsClient, summary: PolicySummary): Promise<ServiceControlPolicy> {
  const policyId = summary.Id;
  if (!policyId) throw new AwsResponseError("ListPolicies returned a policy without an Id");
  const [described, targets] = await Promise.all([
    client.send(new DescribePolicyCommand({ PolicyId: policyId })),
    collectAll({
      client,
      command: ListTargetsForPolicyCommand,
      input: { PolicyId: policyId },
      items: (p) => p.Targets,
      tokens: NEXT_TOKEN,
    }),
  ]);
  if (described.Policy?.Content === undefined) throw new AwsResponseError(`DescribePolicy ${policyId} returned no Content`);
  return toServiceControlPolicy(described.Policy.PolicySummary ?? summary, described.Policy.Content, targets);
}
