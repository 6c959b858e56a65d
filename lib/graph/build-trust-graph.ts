import type { OrgInventory } from "../aws";
import { addAssumeEdges } from "./add-assume-edges";
import { addIdentityCenter, addInventoryNodes } from "./add-inventory-nodes";
import { AssumeDecisions } from "./assume-decisions";
import { CallerDirectory } from "./caller-directory";
import { GraphBuilder } from "./graph-builder";
import { GraphNotes } from "./graph-notes";
import { OrganizationPaths } from "./organization-paths";
import { PolicyLibrary } from "./policy-library";
import { ScpChains } from "./scp-chain";
import type { TrustGraph } from "./types";

/**
 * The trust-chain graph of one inventory (a snapshot's `readSnapshotState`, or a collection):
 * Identity Center membership, assignment and provisioning, and every can-assume edge into each IAM
 * role, decided by the evaluator from the trust policy, the caller's identity policies, its
 * permissions boundary and the SCPs over its account.
 */
export async function buildTrustGraph(state: OrgInventory, options: { snapshotId?: number } = {}): Promise<TrustGraph> {
  const notes = new GraphNotes();
  const library = await PolicyLibrary.load(state, notes);
  const paths = new OrganizationPaths(state);
  const scps = new ScpChains(state, paths, library, notes);
  const directory = new CallerDirectory(state, library, scps, paths);
  const builder = new GraphBuilder();
  addInventoryNodes(builder, state);
  addIdentityCenter(builder, state, directory);
  const decisions = new AssumeDecisions();
  const orgAccounts = new Set([...state.accounts.map((a) => a.id), ...Object.keys(state.iamByAccount)]);
  const context = { builder, directory, decisions, library, notes, orgAccounts };
  for (const iam of Object.values(state.iamByAccount)) {
    for (const role of iam.roles) await addAssumeEdges(role, context);
  }
  const graph = builder.build(options.snapshotId ?? null, notes.list);
  graph.stats = { ...decisions.stats };
  return graph;
}
