import {
  isScpEnabled,
  SERVICE_CONTROL_POLICY_TYPE,
  toServiceControlPolicy,
  type CollectionStatus,
  type OrgRoot,
  type ServiceControlPolicy,
} from "../aws";
import { LAYOUT } from "./layout";
import type { ImportFiles } from "./read-import-directory";

export interface MappedServiceControlPolicies {
  policies: ServiceControlPolicy[];
  /** undefined: no SCP file, the organization's SCPs are unknown (never read as "none") */
  status: CollectionStatus | undefined;
  missing: string[];
  notes: string[];
}

/**
 * SCPs from `list-policies` + `describe-policy` + `list-targets-for-policy` per policy, as the live
 * collector reads them. A listed policy without both of its files (or with one page of targets) is
 * left out and the section is PARTIAL. Roots that show SCPs are not enabled make a complete empty
 * answer, as live: no SCP applies then.
 */
export function mapServiceControlPolicies(files: ImportFiles, roots: readonly OrgRoot[]): MappedServiceControlPolicies {
  const { list, byId } = files.policies.serviceControlPolicies;
  const notes: string[] = [];
  const missing: string[] = [];
  if (files.roots && roots.length > 0 && !roots.some(isScpEnabled)) {
    notes.push(`${LAYOUT.listRoots}: SCPs are not enabled on any root, so none apply`);
    return { policies: [], status: "COLLECTED", missing, notes };
  }
  if (!list) {
    missing.push(LAYOUT.listPolicies);
    return { policies: [], status: undefined, missing, notes };
  }

  let isComplete = !files.truncated.has(LAYOUT.listPolicies);
  const policies: ServiceControlPolicy[] = [];
  for (const summary of list.Policies) {
    if (summary.Type && summary.Type !== SERVICE_CONTROL_POLICY_TYPE) {
      notes.push(
        `${LAYOUT.listPolicies}: ${summary.Id} is a ${summary.Type}, not an SCP (list-policies --filter SERVICE_CONTROL_POLICY): ignored`,
      );
      continue;
    }
    const entry = byId.get(summary.Id);
    const absent = [
      ...(entry?.describe ? [] : [LAYOUT.describePolicy(summary.Id)]),
      ...(entry?.targets ? [] : [LAYOUT.policyTargets(summary.Id)]),
    ];
    if (absent.length > 0 || !entry?.describe || !entry.targets || files.truncated.has(LAYOUT.policyTargets(summary.Id))) {
      missing.push(...absent);
      notes.push(
        `SCP ${summary.Id}: ${absent.length > 0 ? `${absent.join(", ")} absent` : "one page of its targets"}: left out, SCPs imported as PARTIAL`,
      );
      isComplete = false;
      continue;
    }
    policies.push(toServiceControlPolicy(entry.describe.Policy.PolicySummary, entry.describe.Policy.Content, entry.targets.Targets));
  }
  policies.sort((a, b) => a.id.localeCompare(b.id));
  return { policies, status: isComplete ? "COLLECTED" : "PARTIAL", missing, notes };
}
