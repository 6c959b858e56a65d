import { AUDIT_ROLE_SESSION_NAME } from "../aws";
import type { PrismaTypes as Prisma } from "../db";
import { env, type Env } from "../env";

/**
 * How Vigil's own calls show in CloudTrail: every collector assumes the audit role (by its name,
 * in each member account) with one fixed session name. Both must match: someone else assuming the
 * audit role under another session name, or a session named like Vigil's in another role, is not
 * Vigil and stays visible.
 */
export interface VigilIdentity {
  auditRoleName: string;
  sessionName: string;
}

export function getVigilIdentity(source: Env = env()): VigilIdentity {
  return { auditRoleName: source.VIGIL_AWS_AUDIT_ROLE_NAME, sessionName: AUDIT_ROLE_SESSION_NAME };
}

type Column = "roleSessionName" | "targetRoleArn" | "sourceSessionName" | "sourcePrincipalArn";

/**
 * "Not (session is Vigil's and role is the audit role)", written so a NULL column counts as "not
 * Vigil's": SQL's NOT over a comparison with NULL is NULL, which would drop every event without a
 * session or role (Federate, ConsoleLogin) from the list.
 */
function isNotVigilPair(session: Column, role: Column, identity: VigilIdentity): Prisma.CloudTrailEventWhereInput {
  return {
    OR: [
      { [session]: null },
      { [session]: { not: identity.sessionName } },
      { [role]: null },
      {
        AND: [`:role/${identity.auditRoleName}`, `/${identity.auditRoleName}`].map((ending) => ({ NOT: { [role]: { endsWith: ending } } })),
      },
    ],
  };
}

/**
 * The Prisma condition leaving out Vigil's own calls: its AssumeRole into the audit role (either
 * copy of a cross-account call: both carry the request) and whatever the audit role's session then
 * did (its source principal is the role, with or without a path, its session Vigil's).
 */
export function notVigilOwnCallsWhere(identity: VigilIdentity): Prisma.CloudTrailEventWhereInput {
  return {
    AND: [
      isNotVigilPair("roleSessionName", "targetRoleArn", identity),
      isNotVigilPair("sourceSessionName", "sourcePrincipalArn", identity),
    ],
  };
}

const lastSegment = (arn: string | null) => (arn ? arn.slice(Math.max(arn.lastIndexOf("/"), arn.lastIndexOf(":")) + 1) : null);

/** The same rule on one row (for rows already loaded): true when Vigil made the call. */
export function isVigilOwnCall(
  event: {
    roleSessionName: string | null;
    targetRoleArn: string | null;
    sourceSessionName: string | null;
    sourcePrincipalArn: string | null;
  },
  identity: VigilIdentity,
): boolean {
  const isAuditRole = (arn: string | null) => arn !== null && /:role\//.test(arn) && lastSegment(arn) === identity.auditRoleName;
  return (
    (event.roleSessionName === identity.sessionName && isAuditRole(event.targetRoleArn)) ||
    (event.sourceSessionName === identity.sessionName && isAuditRole(event.sourcePrincipalArn))
  );
}
