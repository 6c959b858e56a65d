import type { AccountIam, PermissionSet, ReservedSsoRole } from "./types";

/** Identity Center creates its roles under this path, with or without a region segment (AWS-WIRE §3.1). */
export const RESERVED_SSO_PATH_PREFIX = "/aws-reserved/sso.amazonaws.com/";
const ROLE_NAME_PREFIX = "AWSReservedSSO_";
// Permission set names may contain underscores, so only the final `_<suffix>` is the suffix.
const STRICT_NAME = /^AWSReservedSSO_(.+)_([0-9a-f]{16})$/;
// The 16-hex suffix is what every observed role shows but AWS documents only "unique-suffix".
const LOOSE_NAME = /^AWSReservedSSO_(.+)_([^_]+)$/;

/** Splits `AWSReservedSSO_<PermissionSetName>_<suffix>`; null if the name is not one. */
export function parseReservedRoleName(roleName: string): { permissionSetName: string; suffix: string } | null {
  if (!roleName.startsWith(ROLE_NAME_PREFIX)) return null;
  const match = STRICT_NAME.exec(roleName) ?? LOOSE_NAME.exec(roleName);
  if (!match?.[1] || !match[2]) return null;
  return { permissionSetName: match[1], suffix: match[2] };
}

/** Recognises an Identity Center reserved role from its IAM path and name. */
export function parseReservedSsoRole(path: string, roleName: string): ReservedSsoRole | null {
  if (!path.startsWith(RESERVED_SSO_PATH_PREFIX)) return null;
  const name = parseReservedRoleName(roleName);
  if (!name) return null;
  const region = path.slice(RESERVED_SSO_PATH_PREFIX.length).replace(/\/+$/, "");
  return { ...name, region: region === "" ? null : region, permissionSetArn: null };
}

/**
 * From an IAM role ARN (`arn:aws:iam::<acct>:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_…`)
 * or an STS session ARN (`arn:aws:sts::<acct>:assumed-role/AWSReservedSSO_…/<session>`, path dropped).
 */
export function parseReservedSsoArn(arn: string): { permissionSetName: string; sessionName: string | null } | null {
  const iam = /^arn:[\w-]+:iam::\d{12}:role(\/.*\/)([^/]+)$/.exec(arn);
  if (iam?.[1] && iam[2]) {
    const role = parseReservedSsoRole(iam[1], iam[2]);
    return role ? { permissionSetName: role.permissionSetName, sessionName: null } : null;
  }
  const sts = /^arn:[\w-]+:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (sts?.[1] && sts[2]) {
    const name = parseReservedRoleName(sts[1]);
    return name ? { permissionSetName: name.permissionSetName, sessionName: sts[2] } : null;
  }
  return null;
}

/** Ties each AWSReservedSSO_ role to its permission set (names are unique within an instance). */
export function linkReservedRoles(iamByAccount: Record<string, AccountIam>, permissionSets: readonly PermissionSet[]): void {
  const byName = new Map(permissionSets.map((ps) => [ps.name, ps.arn]));
  for (const iam of Object.values(iamByAccount)) {
    for (const role of iam.roles) {
      if (role.identityCenter) role.identityCenter.permissionSetArn = byName.get(role.identityCenter.permissionSetName) ?? null;
    }
  }
}
