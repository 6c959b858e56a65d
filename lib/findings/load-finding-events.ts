import type { OrgInventory } from "../aws";
import { findCheckoutWindows } from "../breakglass";
import type { Db } from "../db";
import { designationOf } from "./designation";
import { findChangeEvents } from "../cloudtrail";
import type { ChangeEventSummary, FindingEvents, PermissionSetUse, PrincipalActivity, TrailEventSummary } from "./finding-events";
import type { FindingSettings } from "./findings-settings";
import { DAY_MS, INACTIVITY_DAYS } from "./time";
import { loadTrailCoverage } from "./trail-coverage";

const SAMPLES_PER_USER = 10;
/** Drifted roles looked up per evaluation, and events kept per role: evidence, not an audit log. */
const MAX_DRIFTED_ROLES = 500;
const UPDATES_PER_ROLE = 5;

type EventRow = Omit<TrailEventSummary, "eventTime"> & { eventTime: Date };

function summary(row: EventRow): TrailEventSummary {
  return { ...row, eventTime: row.eventTime.toISOString() };
}

/**
 * The CloudTrail facts of the snapshot's window [asOf − 90 days, asOf], aggregated in SQL: which
 * permission set was used where by whom, what the break-glass users did, and the trust-policy
 * updates. Events after the as-of are ignored, so an old snapshot is judged as of its date.
 */
export async function loadFindingEvents(
  db: Db,
  input: {
    state: OrgInventory;
    asOf: Date;
    settings: FindingSettings;
    lookbackDays: number;
    /** roles whose trust policy left its baseline: their UpdateAssumeRolePolicy events are looked up */
    driftedRoleArns?: readonly string[];
  },
): Promise<FindingEvents> {
  const { state, asOf, settings } = input;
  const windowStart = new Date(asOf.getTime() - INACTIVITY_DAYS * DAY_MS);
  const breakglassArns: string[] = [];
  for (const iam of Object.values(state.iamByAccount))
    for (const user of iam.users) if (designationOf(user, settings)?.purpose === "break-glass") breakglassArns.push(user.arn);

  // Approved break-glass checkout windows: a designated user's events inside one are explained by
  // it, so they are left out here, in SQL (the rule sees only the newest samples, never all events).
  const userArns = new Map<string, string>();
  for (const iam of Object.values(state.iamByAccount))
    for (const user of iam.users) userArns.set(`${user.accountId}/${user.userName}`, user.arn);
  const windows = (await findCheckoutWindows(db, { from: windowStart, to: asOf })).flatMap((w) => {
    const arn = userArns.get(`${w.accountId}/${w.iamUserName}`);
    return arn ? [{ arn, from: w.from.toISOString().slice(0, 23), to: w.to.toISOString().slice(0, 23) }] : [];
  });

  const [coverage, uses, activity, updates] = await Promise.all([
    loadTrailCoverage(db, { accountIds: state.accounts.map((a) => a.id), windowStart, asOf, lookbackDays: input.lookbackDays }),
    db.$queryRaw<Array<{ accountId: string; permissionSetName: string; userName: string | null; lastUsedAt: Date; events: number }>>`
      SELECT "accountId", "permissionSetName", lower("identityCenterUser") AS "userName", max("eventTime") AS "lastUsedAt", count(*)::int AS events
      FROM "CloudTrailEvent"
      WHERE "permissionSetName" IS NOT NULL AND success AND "eventTime" >= ${windowStart} AND "eventTime" <= ${asOf}
      GROUP BY 1, 2, 3`,
    breakglassArns.length === 0
      ? Promise.resolve([] as Array<EventRow & { rank: number; total: number; firstAt: Date }>)
      : db.$queryRaw<Array<EventRow & { rank: number; total: number; firstAt: Date }>>`
          SELECT * FROM (
            SELECT "eventId", "eventTime", "eventName", "accountId", "actorArn", "sourceIp", "userAgent", "mfaUsed", success,
              row_number() OVER w::int AS rank, (count(*) OVER p)::int AS total, min("eventTime") OVER p AS "firstAt"
            FROM "CloudTrailEvent"
            WHERE "actorArn" = ANY(${breakglassArns}) AND "eventTime" >= ${windowStart} AND "eventTime" <= ${asOf}
              AND NOT EXISTS (
                SELECT 1 FROM unnest(${windows.map((w) => w.arn)}::text[], ${windows.map((w) => w.from)}::timestamp(3)[], ${windows.map((w) => w.to)}::timestamp(3)[]) AS w(arn, "from", "to")
                WHERE w.arn = "actorArn" AND "eventTime" >= w."from" AND "eventTime" <= w."to")
            WINDOW p AS (PARTITION BY "actorArn"), w AS (PARTITION BY "actorArn" ORDER BY "eventTime" DESC, "eventId")
          ) ranked WHERE rank <= ${SAMPLES_PER_USER} ORDER BY "actorArn", rank`,
    loadTrustPolicyUpdates(db, input.driftedRoleArns ?? [], asOf),
  ]);

  const permissionSetUse: PermissionSetUse[] = uses.map((u) => ({ ...u, lastUsedAt: u.lastUsedAt.toISOString() }));
  const byUser = new Map<string, PrincipalActivity>();
  for (const row of activity) {
    const arn = row.actorArn ?? "";
    let entry = byUser.get(arn);
    if (!entry) {
      entry = {
        accountId: row.accountId,
        userArn: arn,
        userName: arn.slice(arn.lastIndexOf("/") + 1),
        events: row.total,
        firstAt: row.firstAt.toISOString(),
        lastAt: row.eventTime.toISOString(),
        samples: [],
      };
      byUser.set(arn, entry);
    }
    const { rank: _rank, total: _total, firstAt: _firstAt, ...event } = row;
    entry.samples.push(summary(event));
  }
  return {
    windowStart: windowStart.toISOString(),
    windowEnd: asOf.toISOString(),
    coverage,
    permissionSetUse,
    breakglassActivity: [...byUser.values()],
    trustPolicyUpdates: updates,
  };
}

/** Who changed each drifted role's trust (lib/cloudtrail's change events), newest first, up to the as-of. */
async function loadTrustPolicyUpdates(db: Db, roleArns: readonly string[], asOf: Date): Promise<Map<string, ChangeEventSummary[]>> {
  const updates = new Map<string, ChangeEventSummary[]>();
  for (const roleArn of roleArns.slice(0, MAX_DRIFTED_ROLES)) {
    const events = await findChangeEvents(db, { resource: roleArn, to: new Date(asOf.getTime() + 1), limit: 1000 });
    const trustUpdates = events
      .filter((e) => e.eventName === "UpdateAssumeRolePolicy")
      .reverse()
      .slice(0, UPDATES_PER_ROLE)
      .map((e) => ({
        eventId: e.eventId,
        eventTime: e.eventTime.toISOString(),
        eventName: e.eventName,
        accountId: e.accountId,
        actorArn: e.actorArn,
        identityCenterUser: e.identityCenterUser,
        sourceIp: e.sourceIp,
        userAgent: e.userAgent,
        success: e.success,
        errorCode: e.errorCode,
      }));
    if (trustUpdates.length > 0) updates.set(roleArn, trustUpdates);
  }
  return updates;
}
