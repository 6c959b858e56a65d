import { IAM_SOURCE, SERVICE_CONTROL_POLICY_TYPE, type InventoryCoverage, type OrgInventory, type ServiceControlPolicy } from "../aws";
import { isWritten } from "./is-written";
import { LAYOUT } from "./layout";

const present = <T extends Record<string, unknown>>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

function policySummary(p: ServiceControlPolicy) {
  return present({
    Id: p.id,
    Arn: p.arn,
    Name: p.name,
    Description: p.description,
    Type: SERVICE_CONTROL_POLICY_TYPE,
    AwsManaged: p.awsManaged,
  });
}

/**
 * SCPs as `list-policies` + `describe-policy` + `list-targets-for-policy` outputs, and the AWS-managed
 * policy documents read from IAM as `get-policy-version` outputs, keyed by relative path. A
 * document taken from the bundled offline copy is not written: an import takes it from there again,
 * and says so, instead of passing it off as read from IAM.
 */
export function toPolicyFiles(state: OrgInventory, coverage: InventoryCoverage): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const scps = state.serviceControlPolicies;
  if (coverage.serviceControlPolicies && isWritten(coverage.serviceControlPolicies, scps.length > 0)) {
    files.set(LAYOUT.listPolicies, { Policies: scps.map(policySummary) });
    for (const policy of scps) {
      files.set(LAYOUT.describePolicy(policy.id), { Policy: { PolicySummary: policySummary(policy), Content: policy.rawDocument } });
      files.set(LAYOUT.policyTargets(policy.id), {
        Targets: policy.targets.map((t) => present({ TargetId: t.targetId, Arn: t.arn, Name: t.name, Type: t.type })),
      });
    }
  }
  for (const policy of state.awsManagedPolicies) {
    if (policy.source !== IAM_SOURCE || policy.document === null) continue;
    files.set(LAYOUT.policyVersion(policy.name), {
      PolicyVersion: present({ Document: policy.document, VersionId: policy.versionId, IsDefaultVersion: true }),
    });
  }
  return files;
}
