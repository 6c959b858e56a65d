import type { Db } from "../db";
import { listCredentials } from "../vault";
import type { DrillProblem } from "./drill-credential";
import { STORED_DRILL_PROBLEMS } from "./run-drill";

/** passed: every check held. failed: IAM drifted from the vault. unknown: IAM could not be read, so nothing is known either way. */
export type DrillOutcome = "passed" | "failed" | "unknown";

export type LatestDrill = {
  credentialId: string;
  accountId: string;
  iamUserName: string;
  ranAt: Date;
  outcome: DrillOutcome;
  problems: DrillProblem[];
};

type DrillRow = { credentialId: string; ranAt: Date; isPassed: boolean; problems: unknown };

/**
 * The latest drill up to `asOf` of every credential still registered in the vault (one that never
 * ran yet has none). A drill that could not read IAM ("drill" problem) is `unknown`, never drift.
 */
export async function findLatestDrills(db: Db, { asOf }: { asOf: Date }): Promise<LatestDrill[]> {
  const credentials = await listCredentials(db);
  if (credentials.length === 0) return [];
  const rows = await db.$queryRaw<DrillRow[]>`
    SELECT DISTINCT ON ("credentialId") "credentialId", "ranAt", "isPassed", problems
    FROM "BreakglassDrill"
    WHERE "credentialId" = ANY(${credentials.map((c) => c.id)}) AND "ranAt" <= ${asOf}
    ORDER BY "credentialId", "ranAt" DESC, id DESC`;
  const byId = new Map(credentials.map((c) => [c.id, c]));
  return rows.flatMap((row) => {
    const credential = byId.get(row.credentialId);
    if (!credential) return [];
    const stored = STORED_DRILL_PROBLEMS.safeParse(row.problems);
    // A row that does not parse proves nothing: unknown, so it neither fires nor resolves.
    const problems = stored.success ? stored.data : [];
    const outcome: DrillOutcome =
      !stored.success || problems.some((p) => p.check === "drill")
        ? "unknown"
        : row.isPassed && problems.length === 0
          ? "passed"
          : "failed";
    return [
      {
        credentialId: row.credentialId,
        accountId: credential.accountId,
        iamUserName: credential.iamUserName,
        ranAt: row.ranAt,
        outcome,
        problems,
      },
    ];
  });
}
