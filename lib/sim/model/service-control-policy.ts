/** A service control policy of the organization (Organizations policy type SERVICE_CONTROL_POLICY). */
export interface SimServiceControlPolicy {
  /** `p-` + lowercase alphanumerics; AWS's own policy is `p-FullAWSAccess`. */
  id: string;
  arn: string;
  name: string;
  description: string;
  /** Policy JSON text exactly as written (Organizations returns it unencoded). */
  content: string;
  awsManaged: boolean;
  /** Root (`r-…`), OU (`ou-…`) and account ids it is attached to, in attachment order. */
  targetIds: string[];
}

export const SERVICE_CONTROL_POLICY_TYPE = "SERVICE_CONTROL_POLICY";

/** AWS's own FullAWSAccess: attached to the root and to every OU and account when SCPs are enabled. */
export const FULL_AWS_ACCESS = {
  id: "p-FullAWSAccess",
  arn: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
  name: "FullAWSAccess",
  description: "Allows access to every operation",
  content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
} as const;

/** AWS quotas: an SCP document holds at most 5,120 characters; a target has at most 5 SCPs attached. */
export const SCP_MAX_CONTENT_CHARS = 5120;
export const SCP_MAX_PER_TARGET = 5;
