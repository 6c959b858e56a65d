import type { Db } from "../db";
import { sql, type Sql } from "../snapshot";

/** Whose CloudTrail events: a person (Identity Center user) or an IAM user. */
export type ActivitySubject =
  | { kind: "idc-user"; userId: string; userName: string; email: string | null }
  | { kind: "iam-user"; arn: string; accountId: string; userName: string };

export interface PrincipalActivityRow {
  eventId: string;
  /** the account whose trail holds the event */
  accountId: string;
  eventTime: Date;
  eventName: string;
  eventSource: string;
  awsRegion: string | null;
  /** the role assumed (AssumeRole*), or null */
  targetRoleArn: string | null;
  /** the permission set of the session or, for `Federate`, the one signed in with */
  permissionSetName: string | null;
  /** `Federate`: the account Identity Center signed the person into */
  federatedAccountId: string | null;
  sourceIp: string | null;
  mfaUsed: boolean | null;
  success: boolean;
  errorCode: string | null;
}

export const ACTIVITY_LIMIT = 25;

function subjectFilter(subject: ActivitySubject): Sql {
  if (subject.kind === "iam-user") {
    // A failed console sign-in carries no ARN, only the user name in the user's account.
    return sql`(e."actorArn" = ${subject.arn}
      OR (e."actorType" = 'IAMUser' AND e."actorArn" IS NULL AND e."actorUserName" = ${subject.userName} AND e."accountId" = ${subject.accountId}))`;
  }
  // Sessions of reserved roles name the person by user name (or, through SAML, often by email);
  // the portal's `Federate` names them only by Identity Store user id.
  const names = [subject.userName, subject.email].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  return sql`((e."eventName" = 'Federate' AND e.raw #>> '{userIdentity,onBehalfOf,userId}' = ${subject.userId})
    OR lower(e."identityCenterUser") = ANY(${names}))`;
}

/** A principal's latest sign-ins, role assumptions and other ingested events, newest first. */
export async function findPrincipalActivity(db: Db, subject: ActivitySubject, limit = ACTIVITY_LIMIT): Promise<PrincipalActivityRow[]> {
  return db.$queryRaw<PrincipalActivityRow[]>(sql`
    SELECT e."eventId", e."accountId", e."eventTime", e."eventName", e."eventSource", e."awsRegion", e."targetRoleArn",
      coalesce(e."permissionSetName", CASE WHEN e."eventName" = 'Federate' THEN e.raw #>> '{serviceEventDetails,role_name}' END)
        AS "permissionSetName",
      CASE WHEN e."eventName" = 'Federate' THEN e.raw #>> '{serviceEventDetails,account_id}' END AS "federatedAccountId",
      e."sourceIp", e."mfaUsed", e.success, e."errorCode"
    FROM "CloudTrailEvent" e
    WHERE ${subjectFilter(subject)}
    ORDER BY e."eventTime" DESC, e."eventId"
    LIMIT ${Math.max(1, Math.min(limit, 200))}`);
}
