import type { IamRole, IamUser, OrgInventory, PermissionSet } from "../aws";
import type { PolicyLibrary, ResolvedPolicy } from "./policy-library";

export interface CallerPolicies {
  identity: ResolvedPolicy[];
  /** null: no permissions boundary */
  boundary: ResolvedPolicy[] | null;
}

const partitionOf = (arn: string) => arn.split(":")[1] ?? "aws";
const compact = (policies: Array<ResolvedPolicy | null>): ResolvedPolicy[] => policies.filter((p): p is ResolvedPolicy => p !== null);

/** An IAM role's own policies: inline, attached managed, boundary. */
export function rolePolicies(role: IamRole, library: PolicyLibrary): CallerPolicies {
  return {
    identity: compact([
      ...role.inlinePolicies.map((p) => library.inline(p.name, p.document, role.arn)),
      ...role.attachedManagedPolicies.map((ref) => library.managed(ref.arn, role.arn)),
    ]),
    boundary: role.permissionsBoundaryArn ? compact([library.managed(role.permissionsBoundaryArn, role.arn)]) : null,
  };
}

/**
 * An `AWSReservedSSO_*` role's policies: its own as IAM reports them when there are any, else its
 * permission set's (customer-managed references resolved by name and path in the role's account).
 */
export function reservedRolePolicies(role: IamRole, permissionSet: PermissionSet | undefined, library: PolicyLibrary): CallerPolicies {
  const own = rolePolicies(role, library);
  const hasOwn = role.inlinePolicies.length > 0 || role.attachedManagedPolicies.length > 0 || role.permissionsBoundaryArn !== null;
  if (hasOwn || !permissionSet) return own;
  const customerArn = (ref: { name: string; path: string }) =>
    `arn:${partitionOf(role.arn)}:iam::${role.accountId}:policy${normalizePath(ref.path)}${ref.name}`;
  const usedBy = `permission set ${permissionSet.name} in ${role.accountId}`;
  const boundary = permissionSet.permissionsBoundary;
  const boundaryArn = boundary?.managedPolicyArn ?? (boundary?.customerManagedPolicy ? customerArn(boundary.customerManagedPolicy) : null);
  return {
    identity: compact([
      ...(permissionSet.inlinePolicy
        ? [library.inline(permissionSet.inlinePolicy.name, permissionSet.inlinePolicy.document, permissionSet.arn)]
        : []),
      ...permissionSet.awsManagedPolicies.map((ref) => library.managed(ref.arn, usedBy)),
      ...permissionSet.customerManagedPolicies.map((ref) => library.managed(customerArn(ref), usedBy)),
    ]),
    boundary: boundaryArn ? compact([library.managed(boundaryArn, usedBy)]) : null,
  };
}

/** An IAM user's policies: inline, attached managed, its groups' inline and attached, boundary. */
export function userPolicies(user: IamUser, state: OrgInventory, library: PolicyLibrary): CallerPolicies {
  const groups = state.iamByAccount[user.accountId]?.groups ?? [];
  const memberOf = groups.filter((group) => user.groupNames.includes(group.groupName));
  return {
    identity: compact([
      ...user.inlinePolicies.map((p) => library.inline(p.name, p.document, user.arn)),
      ...user.attachedManagedPolicies.map((ref) => library.managed(ref.arn, user.arn)),
      ...memberOf.flatMap((group) => [
        ...group.inlinePolicies.map((p) => library.inline(`${group.groupName}/${p.name}`, p.document, group.arn)),
        ...group.attachedManagedPolicies.map((ref) => library.managed(ref.arn, group.arn)),
      ]),
    ]),
    boundary: user.permissionsBoundaryArn ? compact([library.managed(user.permissionsBoundaryArn, user.arn)]) : null,
  };
}

function normalizePath(path: string): string {
  if (path === "") return "/";
  const leading = path.startsWith("/") ? path : `/${path}`;
  return leading.endsWith("/") ? leading : `${leading}/`;
}
