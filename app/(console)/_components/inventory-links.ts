import type { TrustedPrincipal } from "@/lib/policy";
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

export function iamUserHref(userArn: string): string {
  return hrefWith("/iam/users/detail", {}, { arn: userArn });
}

export function permissionSetHref(permissionSetArn: string): string {
  return hrefWith("/permission-sets/detail", {}, { arn: permissionSetArn });
}

export function idcGroupHref(groupId: string): string {
  return `/identity-center/groups/${encodeURIComponent(groupId)}`;
}

/** A person's page, by Identity Store user id (stable across renames, unlike the user name). */
export function idcUserHref(userId: string): string {
  return `/identity-center/users/${encodeURIComponent(userId)}`;
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
    if (kind === "user" && rest) return iamUserHref(reference);
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

/** An assignment's principal: a group's or a person's page, by Identity Store id. */
export function principalHref(principalType: "USER" | "GROUP", principalId: string): string {
  return principalType === "GROUP" ? idcGroupHref(principalId) : idcUserHref(principalId);
}

/** The roles list narrowed to one role name in one account (an STS session names its role without the path). */
export function roleNameHref(roleName: string, accountId: string): string {
  return hrefWith("/iam/roles", {}, { roleName, accountId });
}

/**
 * The page of a principal named by a policy or an event (lib/policy's reading of it): accounts, roles,
 * IAM users and sessions in the organization; a reserved SSO role (or its session) is its permission
 * set. Null outside the organization, and for what Vigil does not inventory (services, providers, `*`).
 */
export function trustedPrincipalHref(principal: TrustedPrincipal): string | null {
  switch (principal.kind) {
    case "account":
      return principal.inOrganization ? accountHref(principal.accountId) : null;
    case "role":
      return principal.inOrganization ? roleHref(principal.arn) : null;
    case "permission-set":
      if (!principal.inOrganization) return null;
      return principal.permissionSetArn ? permissionSetHref(principal.permissionSetArn) : roleHref(principal.roleArn);
    case "user":
      return principal.inOrganization ? iamUserHref(principal.arn) : null;
    case "session":
      if (!principal.inOrganization) return null;
      if (principal.permissionSetArn) return permissionSetHref(principal.permissionSetArn);
      return principal.roleName ? roleNameHref(principal.roleName, principal.accountId) : accountHref(principal.accountId);
    default:
      return null;
  }
}
