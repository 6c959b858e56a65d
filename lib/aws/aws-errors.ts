import { AwsResponseError } from "./aws-response-error";
import { failedActionOf } from "./call-stats";
import type { CollectionError } from "./types";

/**
 * Error classification in one place. SDK v3 sets `name` to the wire error code, which differs by
 * protocol: awsQuery (IAM, STS) sends `AccessDenied`, JSON services send `AccessDeniedException`.
 */
interface SdkErrorLike {
  name?: string;
  code?: string;
  $fault?: string;
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

/** Socket-level failures Node reports by `code`: the endpoint, not Vigil, is at fault. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * Whether a failure came from AWS or the way to it — a service error (the SDK marks those with
 * `$fault`/`$metadata`, also after its retries give up on a timeout), the SDK's credential chain,
 * a socket error, or an answer Vigil cannot use — and so is a gap in one section's coverage.
 * Anything else (a TypeError in a mapper, an aborted job) is not AWS's doing and must propagate.
 */
export function isAwsFailure(err: unknown): boolean {
  if (err instanceof AwsResponseError) return true;
  const e = asSdkError(err);
  if (e.name === "AbortError") return false;
  if (e.$fault !== undefined || e.$metadata !== undefined) return true;
  return e.name === "CredentialsProviderError" || (e.code !== undefined && NETWORK_CODES.has(e.code));
}

export function isAccessDenied(err: unknown): boolean {
  return ACCESS_DENIED.has(errorCode(err));
}

export function isNotFound(err: unknown): boolean {
  return NOT_FOUND.has(errorCode(err));
}

export function isThrottling(err: unknown): boolean {
  return THROTTLING.has(errorCode(err)) || asSdkError(err).$metadata?.httpStatusCode === 429;
}

export function toCollectionError(err: unknown, where: { accountId?: string; service: string; operation: string }): CollectionError {
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
