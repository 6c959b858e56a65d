export interface SimTag {
  key: string;
  value: string;
}

/** A managed policy attachment as IAM and SSO Admin list it. */
export interface AttachedPolicy {
  name: string;
  arn: string;
}

/** An inline policy: the document is kept as the author's JSON text, verbatim. */
export interface InlinePolicy {
  name: string;
  document: string;
}

export type AwsService = "organizations" | "sso" | "identitystore" | "cloudtrail" | "iam" | "sts" | "kms";
