import { z } from "zod";
import type { Db } from "../db";
import { containsPattern, orderBy, queryPage, raw, sql, SORT_DIRECTIONS, type Page, type Sql } from "../snapshot";
import { effectiveStatus, type FindingStatus } from "./effective-status";
import { RULE_IDS, SEVERITIES, type RuleId, type Severity } from "./types";

export const FINDING_SORTS = ["severity", "rule", "account", "lastSeenAt", "firstSeenAt", "status"] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

/** `open` = open or reopened (what needs attention); `all` = every status. */
export const STATUS_FILTERS = ["open", "resolved", "suppressed", "all"] as const;

export const LIST_FINDINGS_INPUT = z.object({
  status: z.enum(STATUS_FILTERS).default("open"),
  rule: z.enum(RULE_IDS).optional(),
  severity: z.array(z.enum(SEVERITIES)).optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
    .optional(),
  /** case-insensitive substring of the title or resource */
  search: z.string().trim().min(1).max(200).optional(),
  /** findings that were present in this snapshot (first seen at or before it, not resolved by then) */
  snapshotId: z.number().int().positive().optional(),
  sort: z.enum(FINDING_SORTS).default("severity"),
  dir: z.enum(SORT_DIRECTIONS).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(5000).default(50),
});
export type ListFindingsInput = z.input<typeof LIST_FINDINGS_INPUT>;

export interface FindingRow {
  id: number;
  rule: RuleId;
  severity: Severity;
  status: FindingStatus;
  accountId: string | null;
  resourceArn: string;
  title: string;
  evidence: Record<string, unknown>;
  remediation: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  firstSeenSnapshotId: number;
  lastSeenSnapshotId: number;
  resolvedAt: Date | null;
  suppressedReason: string | null;
  suppressedBy: string | null;
  suppressedUntil: Date | null;
}

const f = (column: string): Sql => raw(`f."${column}"`);
/** critical first when ascending */
const SEVERITY_RANK = sql`array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW','INFO']::"FindingSeverity"[], ${f("severity")})`;

export function findingSelect(now: Date): Sql {
  return sql`${f("id")} AS id, ${f("rule")} AS rule, lower(${f("severity")}::text) AS severity, ${effectiveStatus(now)} AS status,
    ${f("accountId")} AS "accountId", ${f("resourceArn")} AS "resourceArn", ${f("title")} AS title, ${f("evidence")} AS evidence,
    ${f("remediation")} AS remediation, ${f("firstSeenAt")} AS "firstSeenAt", ${f("lastSeenAt")} AS "lastSeenAt",
    ${f("firstSeenSnapshotId")} AS "firstSeenSnapshotId", ${f("lastSeenSnapshotId")} AS "lastSeenSnapshotId", ${f("resolvedAt")} AS "resolvedAt",
    ${f("suppressedReason")} AS "suppressedReason", ${f("suppressedBy")} AS "suppressedBy",
    CASE WHEN ${effectiveStatus(now)} = 'suppressed' THEN ${f("suppressedUntil")} END AS "suppressedUntil"`;
}

/** Findings filtered, sorted and paged (lib/snapshot's page contract). `now` decides expired suppressions. */
export async function listFindings(db: Db, input: ListFindingsInput = {}, now: Date = new Date()): Promise<Page<FindingRow, FindingSort>> {
  const params = LIST_FINDINGS_INPUT.parse(input);
  const status = effectiveStatus(now);
  const where: Sql[] = [];
  if (params.status === "open") where.push(sql`${status} IN ('open', 'reopened')`);
  else if (params.status !== "all") where.push(sql`${status} = ${params.status}`);
  if (params.rule) where.push(sql`${f("rule")} = ${params.rule}`);
  if (params.severity?.length) where.push(sql`lower(${f("severity")}::text) = ANY(${params.severity})`);
  if (params.accountId) where.push(sql`${f("accountId")} = ${params.accountId}`);
  if (params.search) {
    const pattern = containsPattern(params.search);
    where.push(sql`(${f("title")} ILIKE ${pattern} OR ${f("resourceArn")} ILIKE ${pattern})`);
  }
  if (params.snapshotId !== undefined)
    where.push(
      sql`${f("firstSeenSnapshotId")} <= ${params.snapshotId} AND (${f("resolvedSnapshotId")} IS NULL OR ${f("resolvedSnapshotId")} > ${params.snapshotId})`,
    );
  const columns: Record<FindingSort, Sql> = {
    severity: SEVERITY_RANK,
    rule: f("rule"),
    account: f("accountId"),
    lastSeenAt: f("lastSeenAt"),
    firstSeenAt: f("firstSeenAt"),
    status,
  };
  return queryPage<FindingRow, FindingSort>(db, {
    from: raw(`"Finding" f`),
    where,
    select: findingSelect(now),
    orderBy: orderBy(columns[params.sort], params.dir, f("id")),
    sort: { by: params.sort, dir: params.dir },
    page: params.page,
    pageSize: params.pageSize,
  });
}
