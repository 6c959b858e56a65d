import type { IAMClient } from "@aws-sdk/client-iam";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit";
import { fetchCredentialReport, type CredentialReport } from "../aws";
import type { PrismaClient } from "../db";
import { listCredentials } from "../vault";
import { DRILL_CHECKS, drillCredential, type DrillProblem } from "./drill-credential";
import { describeAwsError } from "./rotate-iam-credential";

export const DRILL_ACTOR: AuditActor = { type: "system", name: "breakglass-drill" };

export type DrillResult = { credentialId: string; isPassed: boolean; problems: DrillProblem[] };

const REPORT_POLLING = { initialDelayMs: 1_000, maxDelayMs: 10_000, timeoutMs: 120_000 };

/**
 * The daily drill: every registered credential checked against IAM (drillCredential). Each outcome
 * is a BreakglassDrill row with its audit entry; the dashboard lists failures with listDrillFailures,
 * and lib/findings turns each credential's latest failed drill into BREAKGLASS_DRILL_FAILED
 * (findLatestDrills). An IAM refusal is a failure too ("drill"), never a pass — and, for the
 * finding, unknown rather than drift.
 */
export async function runBreakglassDrill(
  db: PrismaClient,
  iamFor: (accountId: string) => IAMClient,
  options: { reportPolling?: typeof REPORT_POLLING } = {},
): Promise<DrillResult[]> {
  const reports = new Map<string, Promise<CredentialReport>>();
  const results: DrillResult[] = [];
  for (const credential of await listCredentials(db)) {
    const iam = iamFor(credential.accountId);
    const loadReport = () => {
      let report = reports.get(credential.accountId);
      if (!report) reports.set(credential.accountId, (report = fetchCredentialReport(iam, options.reportPolling ?? REPORT_POLLING)));
      return report;
    };
    let problems: DrillProblem[];
    try {
      problems = await drillCredential(iam, credential, loadReport);
    } catch (error) {
      problems = [{ check: "drill", message: `IAM could not be read: ${describeAwsError(error)}` }];
    }
    const result = { credentialId: credential.id, isPassed: problems.length === 0, problems };
    await db.$transaction(async (tx) => {
      await tx.breakglassDrill.create({ data: { credentialId: credential.id, ranAt: new Date(), isPassed: result.isPassed, problems } });
      await recordAudit(tx, {
        actor: DRILL_ACTOR,
        action: result.isPassed ? "breakglass.drill_passed" : "breakglass.drill_failed",
        target: { type: "breakglass_credential", id: credential.id, label: `${credential.iamUserName} in ${credential.accountId}` },
        detail: { problems: problems.map((p) => `${p.check}: ${p.message}`) },
      });
    });
    results.push(result);
  }
  return results;
}

export const STORED_DRILL_PROBLEMS = z.array(z.object({ check: z.enum(DRILL_CHECKS), message: z.string() }));

export type DrillFailure = { credentialId: string; ranAt: Date; problems: DrillProblem[] };

/** Each credential whose latest drill failed, for the dashboard. */
export async function listDrillFailures(db: PrismaClient): Promise<DrillFailure[]> {
  const latest = await db.breakglassDrill.findMany({
    orderBy: [{ credentialId: "asc" }, { ranAt: "desc" }],
    distinct: ["credentialId"],
    take: 1_000,
  });
  return latest
    .filter((d) => !d.isPassed)
    .map((d) => ({ credentialId: d.credentialId, ranAt: d.ranAt, problems: STORED_DRILL_PROBLEMS.parse(d.problems) }));
}
