import { failedActionOf } from "./call-stats";
import type { CollectionError } from "./types";

/**
 * Error classification in one place. SDK v3 sets `name` to the wire error code, which differs by
 * protocol: awsQuery (IAM, STS) sends `AccessDenied`, JSON services send `AccessDeniedException`.
 */
interface SdkErrorLike {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

function asSdkError(err: unknown): SdkErrorLike {
  return typeof err === "object" && err !== null ? (err as SdkErrorLike) : {};
}

export function errorCode(err: unknown): string {
  const e = asSdkError(err);
  return e.name ?? e.Code ?? "UnknownError";
}

const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "AccessDeniedForDependencyException",
  "UnauthorizedOperation",
  "UnauthorizedException",
  "AuthorizationError",
]);

const NOT_FOUND = new Set([
  "NoSuchEntity",
  "NoSuchEntityException",
  "ResourceNotFoundException",
  "NotFound",
  "AccountNotFoundException",
  "ParentNotFoundException",
  "TargetNotFoundException",
  "AWSOrganizationsNotInUseException",
]);

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
]);

export function isAccessDenied(err: unknown): boolean {
  return ACCESS_DENIED.has(errorCode(err));
}

export function isNotFound(err: unknown): boolean {
  return NOT_FOUND.has(errorCode(err));
}

export function isThrottling(err: unknown): boolean {
  return THROTTLING.has(errorCode(err)) || asSdkError(err).$metadata?.httpStatusCode === 429;
}

export function toCollectionError(
  err: unknown,
  where: { accountId?: string; service: string; operation: string },
): CollectionError {
  const e = asSdkError(err);
  const message = e.message ?? String(err);
  // The SDK call that failed, when known, is more precise than the caller's unit of work.
  const failed = failedActionOf(err);
  return {
    ...(where.accountId ? { accountId: where.accountId } : {}),
    service: failed?.service ?? where.service,
    operation: failed?.operation ?? where.operation,
    code: errorCode(err),
    message,
  };
}

/** GetCredentialReport before a report is ready, or after it expired: generate (again) and wait. */
export function isCredentialReportPending(err: unknown): boolean {
  return [
    "CredentialReportNotPresentException",
    "CredentialReportExpiredException",
    "CredentialReportNotReadyException",
    "ReportNotPresent",
    "ReportExpired",
    "ReportInProgress",
  ].includes(errorCode(err));
}
