import type { PolicyDocument } from "../aws";
import type { Db } from "../db";
import { entityAlias, join, READABLE_STATUSES, sql } from "../snapshot";
import { diffJson } from "./diff-json";
import { getReadableSnapshotOrThrow } from "./readable-snapshot";

/** The approved trust policy of one role as of a snapshot, and how the role's current one compares. */
export interface TrustBaseline {
  roleArn: string;
  /** the approved document: the first version Vigil saw, or the newest approval */
  document: PolicyDocument | null;
  /** the snapshot whose version of the role is the baseline */
  sinceSnapshotId: number;
  /** who approved it (their name when they approved) and when; null for the first version seen */
  approvedBy: string | null;
  approvedById: string | null;
  approvedAt: Date | null;
  /** the role's trust policy as of the snapshot asked about */
  current: PolicyDocument | null;
  /** where the current trust policy first appeared when it differs from the baseline by meaning (diffJson); null when it does not */
  changedInSnapshotId: number | null;
}

interface RoleVersionRow {
  roleArn: string;
  validFrom: number;
  isCurrent: boolean;
  roleId: string | null;
  trustPolicy: PolicyDocument | null;
}

/**
 * The trust-policy baseline of every role present as of `asOfSnapshotId`, by role ARN. The baseline
 * is the first version Vigil saw of the role — of this incarnation of it: a role deleted and
 * re-created under the same ARN gets a new RoleId and starts over — unless an approver approved a
 * version since; then it is the approval made last (by time) among those of snapshots up to
 * `asOfSnapshotId` and no older than the incarnation.
 */
export async function loadTrustBaselines(db: Db, asOfSnapshotId: number): Promise<Map<string, TrustBaseline>> {
  await getReadableSnapshotOrThrow(db, asOfSnapshotId);
  const [versions, approvals] = await Promise.all([readRoleVersions(db, asOfSnapshotId), readApprovals(db, asOfSnapshotId)]);

  const baselines = new Map<string, TrustBaseline>();
  for (const history of groupByRole(versions)) {
    const current = history.at(-1);
    if (!current?.isCurrent) continue;
    const incarnation = history.filter((version) => version.roleId === current.roleId);
    const first = incarnation[0] ?? current;
    const approval = approvals.get(current.roleArn);
    const approved = approval && approval.snapshotId >= first.validFrom ? approval : null;
    const document = approved ? (approved.document as PolicyDocument | null) : first.trustPolicy;
    baselines.set(current.roleArn, {
      roleArn: current.roleArn,
      document,
      sinceSnapshotId: approved ? approved.snapshotId : first.validFrom,
      approvedBy: approved?.approvedByName ?? null,
      approvedById: approved?.approvedById ?? null,
      approvedAt: approved?.approvedAt ?? null,
      current: current.trustPolicy,
      changedInSnapshotId: diffJson(document, current.trustPolicy).length === 0 ? null : firstOfTrailingRun(incarnation),
    });
  }
  return baselines;
}

/** The snapshot from which the newest trust policy has held, by meaning, without interruption. */
function firstOfTrailingRun(incarnation: RoleVersionRow[]): number | null {
  const current = incarnation.at(-1);
  if (!current) return null;
  let since = current.validFrom;
  for (let i = incarnation.length - 2; i >= 0; i--) {
    const version = incarnation[i]!;
    if (diffJson(version.trustPolicy, current.trustPolicy).length > 0) break;
    since = version.validFrom;
  }
  return since;
}

function groupByRole(rows: RoleVersionRow[]): RoleVersionRow[][] {
  const byRole = new Map<string, RoleVersionRow[]>();
  for (const row of rows) {
    const list = byRole.get(row.roleArn);
    if (list) list.push(row);
    else byRole.set(row.roleArn, [row]);
  }
  return [...byRole.values()];
}

/** Every version up to the snapshot of the roles that exist in it, oldest first, from readable snapshots only. */
async function readRoleVersions(db: Db, asOfSnapshotId: number): Promise<RoleVersionRow[]> {
  const v = entityAlias("IAM_ROLE", "v");
  const c = entityAlias("IAM_ROLE", "c");
  const readable = join(READABLE_STATUSES.map((status) => sql`${status}::"SnapshotStatus"`));
  return db.$queryRaw<RoleVersionRow[]>(sql`
    SELECT ${v.naturalKey} AS "roleArn", ${v.validFrom} AS "validFrom",
           (${v.validTo} IS NULL OR ${v.validTo} > ${asOfSnapshotId}) AS "isCurrent",
           ${v.text("roleId")} AS "roleId", ${v.json("trustPolicy")} AS "trustPolicy"
      FROM ${v.table}
      JOIN "Snapshot" f ON f.id = ${v.validFrom} AND f.status IN (${readable})
     WHERE ${v.ref}.kind = 'IAM_ROLE'::"EntityKind" AND ${v.validFrom} <= ${asOfSnapshotId}
       AND ${v.naturalKey} IN (SELECT ${c.naturalKey} FROM ${c.table} WHERE ${c.asOf(asOfSnapshotId)})
     ORDER BY ${v.naturalKey}, ${v.validFrom}`);
}

async function readApprovals(db: Db, asOfSnapshotId: number) {
  const rows = await db.trustPolicyBaseline.findMany({
    where: { snapshotId: { lte: asOfSnapshotId } },
    orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
  });
  // Later rows overwrite earlier ones: the approval made last wins.
  return new Map(rows.map((row) => [row.roleArn, row]));
}
