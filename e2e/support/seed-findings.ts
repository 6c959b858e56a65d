import { evaluateFindings } from "../../lib/findings";
import type { PrismaClient } from "../../lib/db";

/**
 * Findings for the findings e2e spec: the rules run on the seeded demo snapshot as they do after
 * every real snapshot (the demo's planted problems are found), so the pages show real findings.
 */
export async function seedFindings(db: PrismaClient, snapshotId: number): Promise<number> {
  const result = await evaluateFindings(db, snapshotId);
  if (result.skipped) throw new Error(`e2e findings evaluation skipped: ${result.skipped}`);
  if (result.graphError) throw new Error(`e2e trust graph failed: ${result.graphError}`);
  return db.finding.count();
}
