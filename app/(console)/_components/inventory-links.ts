import { hrefWith } from "./url";

/**
 * Where each kind of AWS resource Vigil inventories has its page. One home for these routes, so the
 * findings, access and drift pages link the same way and a moved page breaks one test, not ten.
 */
const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:[\w-]+:iam::(\d{12}):(role|user|root|group|policy)(?:\/(.+))?$/;
const PERMISSION_SET_ARN = /^arn:[\w-]+:sso:::permissionSet\/[\w-]+\/ps-[\w-]+$/;
/** lib/aws AccountAssignment natural key: `${accountId}|${permissionSetArn}|${principalType}|${principalId}` */
const ASSIGNMENT_KEY = /^(\d{12})\|(arn:[^|]+)\|(USER|GROUP)\|([^|]+)$/;

export function accountHref(accountId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}`;
}

export function roleHref(roleArn: string): string {
  return hrefWith("/iam/roles/detail", {}, { arn: roleArn });
}

/** IAM users have no page of their own: the list filtered to the one ARN (its search matches ARNs). */
export function iamUserHref(userArn: string, accountId?: string): string {
  return hrefWith("/iam/users", {}, { search: userArn, accountId });
}

export function permissionSetHref(permissionSetArn: string): string {
  return hrefWith("/permission-sets/detail", {}, { arn: permissionSetArn });
}

export function idcGroupHref(groupId: string): string {
  return `/identity-center/groups/${encodeURIComponent(groupId)}`;
}

/** Identity Center users have no page of their own: the list searched by user name (or email). */
export function idcUserHref(userNameOrEmail: string): string {
  return hrefWith("/identity-center/users", {}, { search: userNameOrEmail });
}

export type EventsFilter = { actor?: string | null; accountId?: string | null; eventName?: string | null; at?: string | Date | null };

/** The events page filtered to one actor / account / event name, on the day of `at` (UTC). */
export function eventsHref(filter: EventsFilter): string {
  const day = filter.at ? new Date(filter.at) : null;
  const date = day && !Number.isNaN(day.getTime()) ? day.toISOString().slice(0, 10) : undefined;
  return hrefWith(
    "/events",
    {},
    {
      actor: filter.actor ?? undefined,
      accountId: filter.accountId && ACCOUNT_ID.test(filter.accountId) ? filter.accountId : undefined,
      eventName: filter.eventName ?? undefined,
      from: date,
      to: date,
    },
  );
}

/** The inventory page of whatever an ARN, account id or assignment key names; null when Vigil has none. */
export function inventoryHref(reference: string): string | null {
  if (ACCOUNT_ID.test(reference)) return accountHref(reference);
  const iam = IAM_ARN.exec(reference);
  if (iam) {
    const [, accountId, kind, rest] = iam;
    if (kind === "role" && rest) return roleHref(reference);
    if (kind === "user" && rest) return iamUserHref(reference, accountId);
    if (kind === "root") return accountHref(accountId!);
    return null;
  }
  if (PERMISSION_SET_ARN.test(reference)) return permissionSetHref(reference);
  const assignment = ASSIGNMENT_KEY.exec(reference);
  if (assignment) return permissionSetHref(assignment[2]!);
  return null;
}

export type AssignmentParts = { accountId: string; permissionSetArn: string; principalType: "USER" | "GROUP"; principalId: string };

/** The parts of an assignment's natural key, or null when `key` is not one. */
export function parseAssignmentKey(key: string): AssignmentParts | null {
  const match = ASSIGNMENT_KEY.exec(key);
  if (!match) return null;
  return { accountId: match[1]!, permissionSetArn: match[2]!, principalType: match[3] as "USER" | "GROUP", principalId: match[4]! };
}

/** A group's page by its Identity Store id; a user's list entry by name (users have no id-addressed page). */
export function principalHref(principalType: "USER" | "GROUP", principalId: string, userName?: string | null): string | null {
  if (principalType === "GROUP") return idcGroupHref(principalId);
  return userName ? idcUserHref(userName) : null;
}
