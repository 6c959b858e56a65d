import { isRoleName, ROLE_NAMES, type RoleName } from "./roles";

export type RoleMap = ReadonlyArray<{ group: string; role: RoleName }>;

/** Parses OIDC_ROLE_MAP ("vigil-admins=admin, vigil-auditors=auditor"); throws naming the bad entry. */
export function parseRoleMap(text: string | undefined): RoleMap {
  if (!text?.trim()) return [];
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.lastIndexOf("=");
      const group = entry.slice(0, separator).trim();
      const role = entry.slice(separator + 1).trim();
      if (separator <= 0 || !group) throw new Error(`OIDC_ROLE_MAP entry "${entry}" must look like group=role`);
      if (!isRoleName(role)) {
        throw new Error(`OIDC_ROLE_MAP entry "${entry}": role must be one of ${ROLE_NAMES.join(", ")}`);
      }
      return { group, role };
    });
}

/** Reads the groups claim, which IdPs send as an array or (rarely) a space/comma separated string. */
export function readGroupsClaim(claims: Record<string, unknown>, claimName: string): string[] {
  const value = claims[claimName];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The role an IdP user gets: the most privileged role any of their groups maps to, else the
 * default role, else none (sign-in refused). Re-evaluated at every sign-in.
 */
export function deriveRole(groups: readonly string[], map: RoleMap, defaultRole?: RoleName): RoleName | null {
  const granted = new Set(map.filter((entry) => groups.includes(entry.group)).map((entry) => entry.role));
  for (const role of [...ROLE_NAMES].reverse()) if (granted.has(role)) return role;
  return defaultRole ?? null;
}
