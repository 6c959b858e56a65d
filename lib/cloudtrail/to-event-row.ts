import type { TrailEvent } from "../aws";
// Input types only: lib/db re-exports the enums, not the generated input types.
import type { PrismaTypes as Prisma } from "../db";

export type TrailEventSource = "LOOKUP_EVENTS" | "S3_LOG_FILE";

export const REDACTED = "<redacted by vigil>";

/**
 * A copy of the raw record without the STS session token: AssumeRole events carry the issued
 * credentials in `responseElements`, and a token stays usable for up to 12 hours. The access key id
 * is kept, it is what ties later events to this session.
 */
export function scrubRawEvent(raw: Record<string, unknown>): Record<string, unknown> {
  const response = raw.responseElements;
  if (typeof response !== "object" || response === null) return raw;
  const credentials = (response as Record<string, unknown>).credentials;
  if (typeof credentials !== "object" || credentials === null || !("sessionToken" in credentials)) return raw;
  return {
    ...raw,
    responseElements: { ...response, credentials: { ...credentials, sessionToken: REDACTED } },
  };
}

export function toEventRow(event: TrailEvent, source: TrailEventSource): Prisma.CloudTrailEventCreateManyInput {
  return {
    eventId: event.eventId,
    accountId: event.accountId ?? "",
    eventTime: new Date(event.eventTime),
    eventName: event.eventName,
    eventSource: event.eventSource,
    readOnly: event.readOnly,
    resources: event.resources,
    awsRegion: event.awsRegion,
    actorType: event.actor.type,
    actorArn: event.actor.arn,
    actorUserName: event.actor.userName,
    actorAccountId: event.actor.accountId,
    sourcePrincipalType: event.sourcePrincipal.type,
    sourcePrincipalArn: event.sourcePrincipal.arn,
    sourceSessionName: event.sourcePrincipal.sessionName,
    permissionSetName: event.sourcePrincipal.identityCenter?.permissionSetName ?? event.targetIdentityCenter?.permissionSetName ?? null,
    identityCenterUser: event.sourcePrincipal.identityCenter?.userName ?? null,
    targetRoleArn: event.targetRoleArn,
    roleSessionName: event.roleSessionName,
    mfaUsed: event.mfaUsed,
    sourceIp: event.sourceIp,
    userAgent: event.userAgent,
    success: event.success,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    raw: scrubRawEvent(event.raw) as Prisma.InputJsonObject,
    source,
  };
}
