import type { Db } from "../db";
import { join, raw, sql, whereAll, type Sql } from "../snapshot";
import { effectiveStatus } from "./effective-status";
import { findingSelect, type FindingRow } from "./list-findings";

/** What a principal's findings are about: its own ARN(s), or account assignments to its id(s). */
export interface PrincipalFindingsQuery {
  /** findings whose resource is one of these (an IAM user's or role's ARN) */
  resourceArns?: readonly string[];
  /** findings about an account assignment made to one of these Identity Store user or group ids */
  assignmentPrincipalIds?: readonly string[];
}

const MAX_ROWS = 200;
const f = (column: string): Sql => raw(`f."${column}"`);
const SEVERITY_RANK = sql`array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW','INFO']::"FindingSeverity"[], ${f("severity")})`;

/** The open (and reopened) findings about one principal, most severe first; at most 200. */
export async function findPrincipalFindings(db: Db, query: PrincipalFindingsQuery, now: Date = new Date()): Promise<FindingRow[]> {
  const arns = [...(query.resourceArns ?? [])];
  const ids = [...(query.assignmentPrincipalIds ?? [])];
  if (arns.length === 0 && ids.length === 0) return [];
  const about: Sql[] = [];
  if (arns.length) about.push(sql`${f("resourceArn")} = ANY(${arns})`);
  if (ids.length) {
    // Assignment rules keep the assignment in their evidence; the direct-assignment rule's resource is the assignment key.
    about.push(sql`${f("evidence")} #>> '{assignment,principalId}' = ANY(${ids})`);
    about.push(sql`${f("evidence")} ->> 'userId' = ANY(${ids})`);
  }
  return db.$queryRaw<FindingRow[]>(sql`
    SELECT ${findingSelect(now)} FROM "Finding" f
    ${whereAll([sql`${effectiveStatus(now)} IN ('open', 'reopened')`, sql`(${join(about, " OR ")})`])}
    ORDER BY ${SEVERITY_RANK}, ${f("lastSeenAt")} DESC, ${f("id")}
    LIMIT ${MAX_ROWS}`);
}
