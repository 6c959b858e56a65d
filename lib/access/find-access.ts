import { z } from "zod";
import type { Db } from "../db";
import type { GraphNote } from "../graph";
import { getLatestReadableSnapshot, pageBounds, type Page } from "../snapshot";
import { getAccessContext, type AccessContext } from "./access-context";
import { findAccessPaths } from "./access-paths";
import { toAccessRows, type AccessRow } from "./access-rows";
import { resolveAccessSubject, type AccessSubject } from "./access-subject";
import { attachLastUse } from "./attach-last-use";

export const FIND_ACCESS_INPUT = z.object({
  /** email, user name, group, 12-digit account id or IAM role/user ARN */
  principal: z.string().trim().min(1).max(2048),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "an account id is 12 digits")
    .optional(),
  snapshotId: z.number().int().positive().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(10_000).default(100),
});

export type FindAccessInput = z.input<typeof FIND_ACCESS_INPUT>;

export interface AccessPage extends Page<AccessRow, "account"> {
  snapshotId: number;
  subject: AccessSubject;
  /** true when the path cap was reached: more paths exist than were listed */
  truncated: boolean;
  /** what the graph could not decide (SCPs not collected, unknown policies, …) */
  notes: GraphNote[];
}

const MAX_PATHS = 50_000;

/**
 * Every path from a principal (or into an account), as rows of one page with their last use. The
 * rows are ordered by account, principal, role and path length.
 */
export async function findAccess(db: Db, input: FindAccessInput): Promise<AccessPage> {
  const { principal, accountId, snapshotId, page, pageSize } = FIND_ACCESS_INPUT.parse(input);
  const context = await getAccessContext(db, snapshotId);
  const subject = resolveAccessSubject(context.state, context.graph, principal);
  const { paths, truncated } = findAccessPaths(context.graph, subject, { accountId, maxPaths: MAX_PATHS });
  const entries = toAccessRows(context.state, paths);
  const { offset, limit } = pageBounds(page, pageSize);
  const slice = entries.slice(offset, offset + limit);
  await attachLastUse(db, context.state, slice, { before: await lastUseBound(db, context) });
  return {
    rows: slice.map((entry) => entry.row),
    total: entries.length,
    page,
    pageSize,
    sort: { by: "account", dir: "asc" },
    snapshotId: context.snapshotId,
    subject,
    truncated,
    notes: context.graph.notes,
  };
}

/** Use after an older snapshot's as-of time is not its use; the latest snapshot counts everything ingested. */
async function lastUseBound(db: Db, context: AccessContext): Promise<Date | undefined> {
  const latest = await getLatestReadableSnapshot(db);
  return latest?.id === context.snapshotId ? undefined : context.asOf;
}
