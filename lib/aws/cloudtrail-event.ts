import { parseReservedSsoArn } from "./reserved-role";
import { CHANGE_EVENT_SOURCES, changedResources } from "./trail-event-resources";
import type { JsonObject, TrailEvent } from "./types";

/** Sign-in and role-assumption events (AWS-WIRE §6). `Federate` is Identity Center's portal-to-account sign-in. */
export const SIGN_IN_EVENT_NAMES = [
  "ConsoleLogin",
  "AssumeRole",
  "AssumeRoleWithSAML",
  "AssumeRoleWithWebIdentity",
  "GetFederationToken",
  "Federate",
] as const;

function obj(value: unknown): JsonObject | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** `mfaAuthenticated` is the string "true"/"false"; ConsoleLogin's `MFAUsed` is "Yes"/"No". */
function mfa(record: JsonObject, identity: JsonObject | null): boolean | null {
  const used = str(obj(record.additionalEventData)?.MFAUsed);
  if (used) return used.toLowerCase() === "yes";
  const authenticated = obj(obj(identity?.sessionContext)?.attributes)?.mfaAuthenticated;
  if (authenticated === "true" || authenticated === true) return true;
  if (authenticated === "false" || authenticated === false) return false;
  return null;
}

function sourcePrincipal(identity: JsonObject | null): TrailEvent["sourcePrincipal"] {
  const type = str(identity?.type);
  const arn = str(identity?.arn);
  if (type === "AssumedRole") {
    const issuer = obj(obj(identity?.sessionContext)?.sessionIssuer);
    // The session ARN drops the role path; the issuer ARN keeps it and is what IAM knows the role by.
    const roleArn = str(issuer?.arn) ?? arn;
    const session = arn ? (/assumed-role\/[^/]+\/(.+)$/.exec(arn)?.[1] ?? null) : null;
    const sso = arn ? parseReservedSsoArn(arn) : null;
    return {
      arn: roleArn,
      type: "Role",
      sessionName: session,
      identityCenter: sso ? { permissionSetName: sso.permissionSetName, userName: sso.sessionName } : null,
    };
  }
  if (type === "AWSService") return { arn: str(identity?.invokedBy), type, sessionName: null, identityCenter: null };
  if (type === "AWSAccount") {
    // Cross-account copy: only the caller's account and principal id are disclosed.
    return { arn: str(identity?.principalId) ?? str(identity?.accountId), type, sessionName: null, identityCenter: null };
  }
  if (type === "SAMLUser" || type === "WebIdentityUser") {
    return { arn: str(identity?.identityProvider), type, sessionName: str(identity?.userName), identityCenter: null };
  }
  return { arn: arn ?? str(identity?.principalId), type, sessionName: null, identityCenter: null };
}

/**
 * Normalises one CloudTrail record (from LookupEvents' `CloudTrailEvent` or an S3 log file).
 * `fallback` fills what a record lacks from the LookupEvents envelope.
 */
export function normalizeTrailEvent(
  record: JsonObject,
  fallback: {
    eventId?: string;
    eventName?: string;
    eventSource?: string;
    eventTime?: Date;
    accountId?: string;
    region?: string;
    /** LookupEvents' `ReadOnly`, the string "true" or "false" */
    readOnly?: string;
  } = {},
): TrailEvent {
  const identity = obj(record.userIdentity);
  const request = obj(record.requestParameters);
  const response = obj(record.responseElements);
  const eventId = str(record.eventID) ?? fallback.eventId ?? "";
  const eventName = str(record.eventName) ?? fallback.eventName ?? "";
  const eventTimeText = str(record.eventTime);
  const eventTime = eventTimeText ? new Date(eventTimeText) : (fallback.eventTime ?? new Date(0));
  const targetRoleArn = str(request?.roleArn);
  const targetSso = targetRoleArn ? parseReservedSsoArn(targetRoleArn) : null;
  const errorCode = str(record.errorCode);
  // A failed console sign-in carries no errorCode, only `ConsoleLogin: "Failure"` and an errorMessage.
  const consoleFailure = str(response?.ConsoleLogin) === "Failure";
  const principal = sourcePrincipal(identity);
  // AssumeRoleWithSAML into a reserved role: the Identity Center user is the SAML subject.
  if (!principal.identityCenter && targetSso && principal.type === "SAMLUser") {
    principal.identityCenter = { permissionSetName: targetSso.permissionSetName, userName: principal.sessionName };
  }

  const eventSource = str(record.eventSource) ?? fallback.eventSource ?? "";
  const accountId = str(record.recipientAccountId) ?? fallback.accountId ?? null;

  return {
    key: eventId,
    eventId,
    eventTime: eventTime.toISOString(),
    eventName,
    eventSource,
    readOnly: readOnlyOf(record.readOnly ?? fallback.readOnly),
    awsRegion: str(record.awsRegion) ?? fallback.region ?? null,
    accountId,
    actor: {
      type: str(identity?.type),
      arn: str(identity?.arn),
      principalId: str(identity?.principalId),
      accountId: str(identity?.accountId),
      userName: str(identity?.userName),
    },
    sourcePrincipal: principal,
    targetRoleArn,
    roleSessionName: str(request?.roleSessionName),
    targetIdentityCenter: targetSso ? { permissionSetName: targetSso.permissionSetName } : null,
    resources: CHANGE_EVENT_SOURCES.includes(eventSource) ? changedResources(record, accountId) : [],
    mfaUsed: mfa(record, identity),
    sourceIp: str(record.sourceIPAddress),
    userAgent: str(record.userAgent),
    success: errorCode === null && !consoleFailure,
    errorCode: errorCode ?? (consoleFailure ? "ConsoleLoginFailure" : null),
    errorMessage: str(record.errorMessage),
    raw: record,
  };
}

/** Records hold a boolean; LookupEvents' envelope and some exports the string "true"/"false". */
function readOnlyOf(value: unknown): boolean | null {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return null;
}
