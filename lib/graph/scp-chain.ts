import { isScpEnabled, type OrgInventory, type PolicyDocument } from "../aws";
import type { GraphNotes } from "./graph-notes";
import type { OrganizationPaths } from "./organization-paths";
import type { PolicyLibrary } from "./policy-library";

export interface ScpLevel {
  orgIdentifier: string;
  policies: Array<{ name: string; policy: PolicyDocument }>;
}

export interface ScpChain {
  levels: ScpLevel[];
  /** identifies the policies of the chain, for decision caching */
  token: string;
  documents: PolicyDocument[];
}

const NONE: ScpChain = { levels: [], token: "", documents: [] };

/**
 * The SCPs that bind principals of an account: those attached to the root, to each OU on the path
 * and to the account, root first (the evaluator's order). The management account is exempt; nothing
 * is applied when SCPs were not collected (a note says so) or are not enabled on the root.
 */
export class ScpChains {
  private readonly byTarget = new Map<string, Array<{ name: string; policy: PolicyDocument }>>();
  private readonly chains = new Map<string, ScpChain>();
  private readonly applies: boolean;

  constructor(
    private readonly state: OrgInventory,
    private readonly paths: OrganizationPaths,
    private readonly library: PolicyLibrary,
    private readonly notes: GraphNotes,
  ) {
    const collected = state.coverage.serviceControlPolicies === "COLLECTED";
    if (!collected) {
      notes.add({
        code: "SCPS_NOT_COLLECTED",
        message: `SCPs not collected (${state.coverage.serviceControlPolicies ?? "absent from this snapshot"}); not applied`,
      });
    }
    this.applies = collected && state.roots.some(isScpEnabled);
    for (const scp of state.serviceControlPolicies) {
      if (!scp.document) {
        notes.add({ code: "SCP_UNREADABLE", message: `SCP ${scp.name} (${scp.id}) is not valid JSON; not applied`, resourceArn: scp.arn });
        continue;
      }
      for (const target of scp.targets) {
        const list = this.byTarget.get(target.targetId) ?? [];
        list.push({ name: `${scp.name} (${scp.id})`, policy: scp.document });
        this.byTarget.set(target.targetId, list);
      }
    }
  }

  /** No SCP applies (a service-linked role). */
  none(): ScpChain {
    return NONE;
  }

  forAccount(accountId: string): ScpChain {
    let chain = this.chains.get(accountId);
    if (!chain) {
      chain = this.build(accountId);
      this.chains.set(accountId, chain);
    }
    return chain;
  }

  private build(accountId: string): ScpChain {
    if (!this.applies || accountId === this.state.organization?.managementAccountId) return NONE;
    const parents = this.paths.parentChain(accountId);
    if (!parents) {
      this.notes.add({
        code: "SCP_PATH_UNKNOWN",
        message: `the OU path of account ${accountId} is unknown; SCPs not applied to it`,
        accountId,
      });
      return NONE;
    }
    const levels: ScpLevel[] = [];
    for (const target of [...parents, accountId]) {
      const policies = this.byTarget.get(target) ?? [];
      // AWS keeps at least one SCP on every target while SCPs are enabled: an empty level is missing data, not deny-all.
      if (policies.length === 0) {
        this.notes.add({ code: "SCP_LEVEL_EMPTY", message: `no SCP attached to ${target} in the snapshot; that level is not applied` });
        continue;
      }
      levels.push({ orgIdentifier: target, policies });
    }
    const documents = levels.flatMap((level) => level.policies.map((p) => p.policy));
    const token = levels
      .map((level) => `${level.orgIdentifier}:${level.policies.map((p) => this.library.tokenFor(p.policy)).join(",")}`)
      .join(";");
    return { levels, token, documents };
  }
}
