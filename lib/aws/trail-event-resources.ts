import type { JsonObject } from "./types";

/**
 * What a write event of IAM, IAM Identity Center, Identity Store or Organizations changed, as
 * normalised keys read from its `requestParameters` (and `responseElements` for a create, whose
 * id AWS assigns). One key per resource, in one form whatever the API called it:
 *  - IAM role, user, group, policy, instance profile: the ARN without its path
 *    (`arn:aws:iam::111122223333:role/Admin`); names are unique in an account whatever the path,
 *    and an event carries the name only (`roleName`), never the path;
 *  - permission set: its ARN; Identity Store users, groups, memberships: `identitystore:group/<id>` …;
 *  - accounts (an assignment's target, a moved account): `account/<id>`;
 *  - Organizations policies, OUs, roots: `organizations:policy/p-…`, `organizations:ou/ou-…`, `organizations:root/r-…`.
 * `resourceKey` turns an ARN or id given by a caller into the same form.
 */

export const CHANGE_EVENT_SOURCES: readonly string[] = [
  "iam.amazonaws.com",
  "sso.amazonaws.com",
  "identitystore.amazonaws.com",
  "organizations.amazonaws.com",
];

const IAM_ARN = /^arn:([\w-]+):iam::(\d{12}|aws):(role|user|group|policy|instance-profile)\/(?:.*\/)?([^/]+)$/;

/** The key of an ARN, account id or AWS id as the ingested events store it (see above); the input itself when it has no other form. */
export function resourceKey(value: string): string {
  const iam = IAM_ARN.exec(value);
  if (iam) return `arn:${iam[1]}:iam::${iam[2]}:${iam[3]}/${iam[4]}`;
  if (/^\d{12}$/.test(value)) return `account/${value}`;
  if (/^p-[0-9a-zA-Z_]+$/.test(value)) return `organizations:policy/${value}`;
  if (/^ou-[0-9a-z]+-[0-9a-z]+$/.test(value)) return `organizations:ou/${value}`;
  if (/^r-[0-9a-z]+$/.test(value)) return `organizations:root/${value}`;
  return value;
}

function obj(value: unknown): JsonObject | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** AWS partition of a region: the one an IAM ARN built from a name must carry. */
function partitionOf(region: string | null): string {
  if (region?.startsWith("cn-")) return "aws-cn";
  if (region?.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

const IAM_NAME_PARAMETERS: ReadonlyArray<[string, string]> = [
  ["roleName", "role"],
  ["userName", "user"],
  ["groupName", "group"],
  ["instanceProfileName", "instance-profile"],
];

const ARN_PARAMETERS = ["policyArn", "roleArn", "permissionSetArn", "sAMLProviderArn", "openIDConnectProviderArn", "managedPolicyArn"];

/**
 * The resources an event changed, sorted and unique; empty when it names none Vigil knows.
 * `accountId` is the account whose IAM the event changed (IAM events are recorded where IAM was changed).
 */
export function changedResources(record: JsonObject, accountId: string | null): string[] {
  const request = obj(record.requestParameters) ?? {};
  const response = obj(record.responseElements) ?? {};
  const keys = new Set<string>();
  const add = (value: string | null) => {
    if (value) keys.add(resourceKey(value));
  };
  const source = str(record.eventSource);

  for (const name of ARN_PARAMETERS) add(str(request[name]));
  if (source === "iam.amazonaws.com" && accountId) {
    const partition = partitionOf(str(record.awsRegion));
    for (const [parameter, type] of IAM_NAME_PARAMETERS) {
      const name = str(request[parameter]);
      if (name) add(`arn:${partition}:iam::${accountId}:${type}/${name}`);
    }
    // CreatePolicy names the policy; its ARN is in the response.
    add(str(obj(response.policy)?.arn));
  }
  if (source === "sso.amazonaws.com") {
    add(str(obj(response.permissionSet)?.permissionSetArn));
    const targetType = str(request.targetType);
    if (targetType === null || targetType === "AWS_ACCOUNT") add(str(request.targetId));
    const principalType = str(request.principalType);
    const principalId = str(request.principalId);
    if (principalType && principalId) add(`identitystore:${principalType === "GROUP" ? "group" : "user"}/${principalId}`);
  }
  if (source === "identitystore.amazonaws.com") {
    const groupId = str(request.groupId) ?? str(response.groupId);
    if (groupId) add(`identitystore:group/${groupId}`);
    const userId = str(request.userId) ?? str(obj(request.memberId)?.userId) ?? str(response.userId);
    if (userId) add(`identitystore:user/${userId}`);
    const membershipId = str(request.membershipId) ?? str(response.membershipId);
    if (membershipId) add(`identitystore:membership/${membershipId}`);
  }
  if (source === "organizations.amazonaws.com") {
    for (const name of [
      "policyId",
      "targetId",
      "accountId",
      "organizationalUnitId",
      "rootId",
      "parentId",
      "sourceParentId",
      "destinationParentId",
    ]) {
      add(str(request[name]));
    }
    add(str(obj(obj(response.policy)?.policySummary)?.id));
  }
  return [...keys].sort();
}
