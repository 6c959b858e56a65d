import type { AwsService } from "../model/common";
import { AwsError } from "../protocol/aws-error";

/** Each service throttles with its own error name and status. */
export function throttlingError(service: AwsService): AwsError {
  switch (service) {
    case "organizations":
      return new AwsError(
        "TooManyRequestsException",
        "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
        429,
        { Type: "ApiThrottling" },
      );
    case "sso":
    case "cloudtrail":
      return new AwsError("ThrottlingException", "Rate exceeded", 429);
    case "kms":
      return new AwsError("ThrottlingException", "Rate exceeded", 400);
    case "identitystore":
      return new AwsError("ThrottlingException", "Rate exceeded", 429, { RetryAfterSeconds: 1 });
    case "iam":
    case "sts":
      return new AwsError("Throttling", "Rate exceeded", 400);
  }
}

export function accessDeniedError(service: AwsService, callerArn: string, action: string): AwsError {
  const message = `User: ${callerArn} is not authorized to perform: ${action}`;
  if (service === "iam" || service === "sts")
    return new AwsError("AccessDenied", `${message} because no identity-based policy allows the ${action} action`, 403);
  // KMS does not model AccessDeniedException; it answers it, like its other client errors, with 400.
  return new AwsError("AccessDeniedException", message, service === "kms" ? 400 : 403);
}

export function serverError(service: AwsService, status: 500 | 503): AwsError {
  if (status === 503) return new AwsError("ServiceUnavailable", "Service is unavailable. Please try again later.", 503);
  switch (service) {
    case "organizations":
      return new AwsError(
        "ServiceException",
        "AWS Organizations can't complete your request because of an internal service error. Try again later.",
        500,
      );
    case "sso":
    case "identitystore":
      return new AwsError("InternalServerException", "An internal error occurred.", 500);
    case "cloudtrail":
      return new AwsError("InternalFailure", "An internal error occurred.", 500);
    case "kms":
      return new AwsError("KMSInternalException", "An internal error occurred.", 500);
    case "iam":
      return new AwsError("ServiceFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
    case "sts":
      return new AwsError("InternalFailure", "An internal error occurred.", 500);
  }
}

/** IAM action names as AccessDenied messages spell them. */
export const ACTION_PREFIX: Record<AwsService, string> = {
  organizations: "organizations",
  sso: "sso",
  identitystore: "identitystore",
  cloudtrail: "cloudtrail",
  iam: "iam",
  sts: "sts",
  kms: "kms",
};
