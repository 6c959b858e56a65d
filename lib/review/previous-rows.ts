import type { Db } from "../db";
import { REVIEW_FINDING_REFS } from "./review-types";
import type { ComparableRow } from "./classify-change";

/** What this week's row needs of last week's: what to compare, and the decision to carry over. */
export interface PreviousRow extends ComparableRow {
  id: number;
  decision: "KEEP" | "REVOKE" | "NEEDS_INFO" | null;
  decisionComment: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
}

const BATCH = 10_000;

/** The previous campaign's rows (not those it already listed as removed), by key, read in id batches. */
export async function loadPreviousRows(db: Db, campaignId: number): Promise<Map<string, PreviousRow>> {
  const byKey = new Map<string, PreviousRow>();
  let after = 0;
  for (;;) {
    const rows = await db.reviewItem.findMany({
      where: { campaignId, change: { not: "REMOVED" }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        rowKey: true,
        effectiveSessionSeconds: true,
        cappedByChaining: true,
        conditional: true,
        permissionSetHash: true,
        roleArn: true,
        findings: true,
        decision: true,
        decisionComment: true,
        decidedById: true,
        decidedByName: true,
        decidedAt: true,
      },
    });
    for (const { rowKey, findings, ...row } of rows) byKey.set(rowKey, { ...row, findings: REVIEW_FINDING_REFS.catch([]).parse(findings) });
    if (rows.length < BATCH) return byKey;
    after = rows[rows.length - 1]!.id;
  }
}
