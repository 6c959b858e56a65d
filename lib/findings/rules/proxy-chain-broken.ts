import type { IamRole } from "../../aws";
import { fingerprintOf } from "../fingerprint";
import { proxyPermissionSets } from "../identity-center-helpers";
import type { FindingCandidate, Rule, RuleInput } from "../types";

type Break =
  | { reason: "target-role-missing" }
  | { reason: "reserved-role-missing"; target: IamRole }
  | { reason: "target-does-not-trust"; target: IamRole; reserved: IamRole };

function evaluate({ state, settings, graph }: RuleInput): FindingCandidate[] {
  const findings: FindingCandidate[] = [];
  for (const proxy of proxyPermissionSets(state, settings)) {
    const ps = proxy.permissionSet;
    if (!proxy.roleName) continue;
    const accounts = new Set(
      (state.identityCenter?.assignments ?? []).filter((a) => a.permissionSetArn === ps.arn).map((a) => a.accountId),
    );
    for (const accountId of [...accounts].sort()) {
      const iam = state.iamByAccount[accountId];
      // A missing role is only missing when the account's roles were all read.
      if (!iam || state.coverage.accounts[accountId]?.authorizationDetails !== "COLLECTED") continue;
      const target = iam.roles.find((role) => role.roleName === proxy.roleName);
      const reserved = iam.roles.find(
        (role) => role.identityCenter?.permissionSetArn === ps.arn || role.identityCenter?.permissionSetName === ps.name,
      );
      let broken: Break | null = null;
      if (!target) broken = { reason: "target-role-missing" };
      else if (!reserved) broken = { reason: "reserved-role-missing", target };
      else if (graph) {
        const edge = graph.outgoing.get(reserved.arn)?.find((e) => e.kind === "CAN_ASSUME" && e.to === target.arn);
        if (!edge) broken = { reason: "target-does-not-trust", target, reserved };
      }
      if (!broken) continue;
      const targetRole = "target" in broken ? broken.target : null;
      const explanation =
        broken.reason === "target-role-missing"
          ? `its target role ${proxy.roleName} does not exist there`
          : broken.reason === "reserved-role-missing"
            ? `the permission set's reserved role is not provisioned there`
            : `${proxy.roleName} does not let the proxy's reserved role assume it`;
      findings.push({
        rule: "PROXY_CHAIN_BROKEN",
        severity: "high",
        title: `Proxy ${ps.name} is assigned in account ${accountId} but ${explanation}`,
        resourceArn: targetRole?.arn ?? ps.arn,
        accountId,
        evidence: {
          reason: broken.reason,
          permissionSet: ps.name,
          permissionSetArn: ps.arn,
          targetRoleName: proxy.roleName,
          targetNamedBy: proxy.source,
          targetRoleArn: targetRole?.arn ?? null,
          targetTrustPolicy: targetRole?.trustPolicy ?? null,
          reservedRoleArn: broken.reason === "target-does-not-trust" ? broken.reserved.arn : (reserved?.arn ?? null),
          graphNotes: graph?.notes.filter((note) => note.resourceArn === targetRole?.arn) ?? [],
        },
        remediation:
          broken.reason === "target-role-missing"
            ? `Create ${proxy.roleName} in the account, or remove the ${ps.name} assignment there (or name the right target with the vigil:proxy-target tag).`
            : broken.reason === "reserved-role-missing"
              ? `Provision ${ps.name} to the account (ProvisionPermissionSet).`
              : `Add the ${ps.name} reserved role's ARN (AWSReservedSSO_${ps.name}_…) to ${proxy.roleName}'s trust policy.`,
        fingerprint: fingerprintOf("PROXY_CHAIN_BROKEN", accountId, ps.arn),
      });
    }
  }
  return findings;
}

export const proxyChainBroken: Rule = {
  id: "PROXY_CHAIN_BROKEN",
  severity: "high",
  description:
    "A proxy permission set is assigned in an account where its target role is missing, or the target does not trust that account's reserved role for it.",
  reads: [
    "iam.authorizationDetails",
    "identityCenter.permissionSets",
    "identityCenter.assignments",
    "serviceControlPolicies",
    "trustGraph",
  ],
  evaluate,
};
