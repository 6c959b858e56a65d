import { findLatestDrills } from "../breakglass";
import { getCloudTrailSettings } from "../cloudtrail";
import type { PrismaClient } from "../db";
import { buildTrustGraph, type TrustGraph } from "../graph";
import { loadTrustBaselines } from "../drift";
import { getSnapshotOrThrow, readSnapshotState } from "../snapshot";
import { getFindingSettings, type FindingSettings } from "./findings-settings";
import { loadFindingEvents } from "./load-finding-events";
import { persistFindings, refuseOlderSnapshot, type PersistOutcome } from "./persist-findings";
import { RULES } from "./rules";
import { runRules } from "./run-rules";
import type { TrustBaseline } from "./trust-baseline";
import type { Rule } from "./types";

export interface EvaluateFindingsOptions {
  settings?: FindingSettings;
  /** wall clock for suppression expiry (tests move it); ages are always measured from the snapshot's as-of */
  now?: Date;
  rules?: readonly Rule[];
  /** approved trust baselines by role ARN; null = not available (drift findings then never resolve) */
  baselines?: ReadonlyMap<string, TrustBaseline> | null;
  /** CloudTrail look-back the first ingestion used (default: VIGIL_CLOUDTRAIL_LOOKBACK_DAYS) */
  lookbackDays?: number;
  /** a graph already built for this snapshot (the benchmark, the demo) */
  graph?: TrustGraph;
}

export type EvaluateFindingsResult = PersistOutcome & { graphError: string | null; baselinesError: string | null };

/**
 * Runs every rule against one readable snapshot and moves the findings' lifecycle: new ones open,
 * absent ones resolve where the snapshot fully covers what their rule reads, returning ones reopen,
 * expired suppressions reopen. Evaluating a snapshot again is idempotent; a snapshot older than the
 * newest one evaluated is refused as a no-op (`skipped`), so the lifecycle never moves backwards.
 */
export async function evaluateFindings(
  db: PrismaClient,
  snapshotId: number,
  options: EvaluateFindingsOptions = {},
): Promise<EvaluateFindingsResult> {
  const snapshot = await getSnapshotOrThrow(db, snapshotId);
  const refused = await refuseOlderSnapshot(db, snapshotId);
  if (refused) return { ...refused, graphError: null, baselinesError: null };
  const state = await readSnapshotState(db, snapshotId);
  const settings = options.settings ?? getFindingSettings();
  const asOf = snapshot.asOf;
  let graph: TrustGraph | null = options.graph ?? null;
  let graphError: string | null = null;
  if (!graph) {
    try {
      graph = await buildTrustGraph(state, { snapshotId });
    } catch (error) {
      // The graph-based rule (PROXY_CHAIN_BROKEN's trust check) then neither fires nor resolves.
      graphError = error instanceof Error ? error.message : String(error);
    }
  }
  let baselines: ReadonlyMap<string, TrustBaseline> | null = options.baselines === undefined ? null : options.baselines;
  let baselinesError: string | null = null;
  if (options.baselines === undefined) {
    try {
      baselines = await loadTrustBaselines(db, snapshotId);
    } catch (error) {
      // TRUST_POLICY_DRIFT then neither fires nor resolves.
      baselinesError = error instanceof Error ? error.message : String(error);
    }
  }
  const events = await loadFindingEvents(db, {
    state,
    asOf,
    settings,
    lookbackDays: options.lookbackDays ?? getCloudTrailSettings().lookbackDays,
    driftedRoleArns: [...(baselines?.values() ?? [])].filter((b) => b.changedInSnapshotId !== null).map((b) => b.roleArn),
  });
  const drills = await findLatestDrills(db, { asOf });
  const rules = options.rules ?? RULES;
  const candidates = runRules({ state, graph, events, settings, baselines: baselines ?? new Map(), asOf, drills }, rules);
  const outcome = await persistFindings(db, {
    snapshotId,
    asOf,
    candidates,
    rules,
    now: options.now ?? new Date(),
    resolution: { state, events, graphBuilt: graph !== null, baselinesLoaded: baselines !== null, drills },
  });
  return { ...outcome, graphError, baselinesError };
}
