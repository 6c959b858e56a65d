import type { Db } from "../db";

/** The hops whose last successful use is wanted (each list may be empty). */
export interface HopUseQuery {
  /** role chaining: an AssumeRole by a session of `sourceRoleArn` into `targetRoleArn` */
  assumeRole: ReadonlyArray<{ sourceRoleArn: string; targetRoleArn: string }>;
  /** Identity Center sign-in into a reserved role (AssumeRoleWithSAML) */
  samlRoles: readonly string[];
  /** Identity Center portal federation (`Federate`) with a permission set into an account */
  federations: ReadonlyArray<{ permissionSetName: string; accountId: string }>;
  /** only events before this time (a snapshot's as-of); all when absent */
  before?: Date;
}

export interface HopUse {
  at: Date;
  /** who, when the event names them: the Identity Center user name (SAML) or user id (Federate) */
  who: string | null;
}

export interface HopUses {
  /** key `${sourceRoleArn}\n${targetRoleArn}` */
  assumeRole: Map<string, Date>;
  /** by reserved role ARN, the last use per Identity Center user name */
  saml: Map<string, HopUse[]>;
  /** key `${permissionSetName}\n${accountId}`, the last use per Identity Center user id */
  federate: Map<string, HopUse[]>;
}

export const hopKey = (a: string, b: string) => `${a}\n${b}`;

// Batched by unnest so a person's hundreds of hops cost one query per event kind; grouped in SQL.
const BATCH = 5_000;

/**
 * The last successful use of each hop of an access path in ingested CloudTrail: AssumeRole joined on
 * (source role, target role), AssumeRoleWithSAML on the reserved role, and the portal's `Federate`
 * on (permission set name, account) from its `serviceEventDetails`.
 */
export async function findHopUses(db: Db, query: HopUseQuery): Promise<HopUses> {
  const before = query.before ?? null;
  const out: HopUses = { assumeRole: new Map(), saml: new Map(), federate: new Map() };
  for (const batch of chunks(query.assumeRole)) {
    const rows = await db.$queryRaw<Array<{ source: string; target: string; at: Date }>>`
      SELECT e."sourcePrincipalArn" AS source, e."targetRoleArn" AS target, max(e."eventTime") AS at
      FROM "CloudTrailEvent" e
      JOIN unnest(${batch.map((h) => h.sourceRoleArn)}::text[], ${batch.map((h) => h.targetRoleArn)}::text[]) AS h(source, target)
        ON e."sourcePrincipalArn" = h.source AND e."targetRoleArn" = h.target
      WHERE e."eventName" = 'AssumeRole' AND e."success" AND (${before}::timestamp IS NULL OR e."eventTime" < ${before}::timestamp)
      GROUP BY 1, 2`;
    for (const row of rows) out.assumeRole.set(hopKey(row.source, row.target), row.at);
  }
  for (const batch of chunks(query.samlRoles)) {
    const rows = await db.$queryRaw<Array<{ target: string; who: string | null; at: Date }>>`
      SELECT e."targetRoleArn" AS target, e."identityCenterUser" AS who, max(e."eventTime") AS at
      FROM "CloudTrailEvent" e
      WHERE e."eventName" = 'AssumeRoleWithSAML' AND e."success" AND e."targetRoleArn" = ANY(${[...batch]}::text[])
        AND (${before}::timestamp IS NULL OR e."eventTime" < ${before}::timestamp)
      GROUP BY 1, 2`;
    for (const row of rows) push(out.saml, row.target, { at: row.at, who: row.who });
  }
  for (const batch of chunks(query.federations)) {
    const rows = await db.$queryRaw<Array<{ name: string; account: string; who: string | null; at: Date }>>`
      SELECT e.raw #>> '{serviceEventDetails,role_name}' AS name, e.raw #>> '{serviceEventDetails,account_id}' AS account,
        e.raw #>> '{userIdentity,onBehalfOf,userId}' AS who, max(e."eventTime") AS at
      FROM "CloudTrailEvent" e
      JOIN unnest(${batch.map((f) => f.permissionSetName)}::text[], ${batch.map((f) => f.accountId)}::text[]) AS f(name, account)
        ON e.raw #>> '{serviceEventDetails,role_name}' = f.name AND e.raw #>> '{serviceEventDetails,account_id}' = f.account
      WHERE e."eventName" = 'Federate' AND e."success" AND (${before}::timestamp IS NULL OR e."eventTime" < ${before}::timestamp)
      GROUP BY 1, 2, 3`;
    for (const row of rows) push(out.federate, hopKey(row.name, row.account), { at: row.at, who: row.who });
  }
  return out;
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

function push(map: Map<string, HopUse[]>, key: string, use: HopUse): void {
  const list = map.get(key);
  if (list) list.push(use);
  else map.set(key, [use]);
}
