import { fingerprintOf } from "../fingerprint";
import { identityCenterAccountId, proxyPermissionSets } from "../identity-center-helpers";
import type { FindingCandidate, Rule, RuleInput } from "../types";

function evaluate({ state, settings }: RuleInput): FindingCandidate[] {
  const accountId = identityCenterAccountId(state);
  const findings: FindingCandidate[] = [];
  for (const { permissionSet: ps } of proxyPermissionSets(state, settings)) {
    const boundary = ps.permissionsBoundary && (ps.permissionsBoundary.managedPolicyArn || ps.permissionsBoundary.customerManagedPolicy);
    const contents = {
      awsManagedPolicies: ps.awsManagedPolicies,
      customerManagedPolicies: ps.customerManagedPolicies,
      inlinePolicy: ps.inlinePolicy ? { document: ps.inlinePolicy.document ?? ps.inlinePolicy.rawDocument } : null,
      permissionsBoundary: boundary ? ps.permissionsBoundary : null,
    };
    const what = [
      ps.awsManagedPolicies.length > 0 && `AWS-managed ${ps.awsManagedPolicies.map((p) => p.name).join(", ")}`,
      ps.customerManagedPolicies.length > 0 && `customer-managed ${ps.customerManagedPolicies.map((p) => p.name).join(", ")}`,
      ps.inlinePolicy && "an inline policy",
      boundary && "a permissions boundary",
    ].filter((part): part is string => typeof part === "string");
    if (what.length === 0) continue;
    findings.push({
      rule: "PROXY_PERMISSION_SET_NOT_EMPTY",
      severity: "high",
      title: `Proxy permission set ${ps.name} is not empty: ${what.join(", ")}`,
      resourceArn: ps.arn,
      accountId,
      evidence: { permissionSet: ps.name, pattern: settings.proxyPermissionSetPattern, ...contents },
      remediation:
        "A proxy permission set must grant nothing itself: its reserved role reaches the team role only because that role's trust names it. Remove the policies and boundary, and re-provision.",
      fingerprint: fingerprintOf("PROXY_PERMISSION_SET_NOT_EMPTY", accountId, ps.arn),
    });
  }
  return findings;
}

export const proxyPermissionSetNotEmpty: Rule = {
  id: "PROXY_PERMISSION_SET_NOT_EMPTY",
  severity: "high",
  description:
    "A permission set matching the proxy pattern (default *-Proxy) has a managed, customer-managed or inline policy, or a boundary.",
  reads: ["identityCenter.permissionSets"],
  evaluate,
};
