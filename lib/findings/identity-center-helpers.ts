import type { AccountAssignment, OrgAccount, OrgInventory, PermissionSet } from "../aws";
import type { FindingSettings } from "./findings-settings";

/** Permission sets live in the Identity Center instance's account (the management account, or a delegated admin). */
export function identityCenterAccountId(state: OrgInventory): string | null {
  return state.identityCenter?.instance.ownerAccountId ?? state.organization?.managementAccountId ?? null;
}

export function permissionSetsByArn(state: OrgInventory): Map<string, PermissionSet> {
  return new Map((state.identityCenter?.permissionSets ?? []).map((ps) => [ps.arn, ps]));
}

/** Names an assignment's principal as people read it (a user name or a group name); the lookup is built once. */
export function principalLabels(state: OrgInventory): (assignment: AccountAssignment) => string {
  const users = new Map((state.identityCenter?.users ?? []).map((u) => [u.userId, u.userName]));
  const groups = new Map((state.identityCenter?.groups ?? []).map((g) => [g.groupId, g.displayName]));
  return (assignment) =>
    (assignment.principalType === "USER" ? users.get(assignment.principalId) : groups.get(assignment.principalId)) ??
    assignment.principalId;
}

/** ISO-8601 duration (`PT8H`, `PT1H30M`, `P1D`) in seconds; null when it is not one. */
export function durationSeconds(duration: string | null): number | null {
  if (!duration) return null;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!match || duration === "P" || duration.endsWith("T")) return null;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

/** Why an account counts as production/management, or null when it does not. */
export function sensitivityOf(account: OrgAccount, state: OrgInventory, settings: FindingSettings): string | null {
  if (settings.sensitiveAccountIds.includes(account.id)) return `account ${account.id} is listed as sensitive in the settings`;
  if (settings.managementAccountIsSensitive && state.organization?.managementAccountId === account.id)
    return "it is the management account";
  for (const [key, value] of Object.entries(account.tags ?? {})) {
    const accepted = settings.sensitiveAccountTags[key.toLowerCase()];
    if (accepted?.includes(value.trim().toLowerCase())) return `tag ${key}=${value}`;
  }
  const segments = account.ouPath.split("/").slice(1);
  const ou = segments.find((segment) => settings.sensitiveOuNames.includes(segment.toLowerCase()));
  if (ou) return `OU path ${account.ouPath}`;
  return null;
}

/** `*` in the glob is any run of characters; everything else is literal. */
export function globRegExp(glob: string): RegExp {
  const escaped = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join("(.*)")}$`);
}

export const PROXY_TARGET_TAG = "vigil:proxy-target";

/** A proxy permission set and the role it exists to reach, with where that name came from. */
export interface ProxyTarget {
  permissionSet: PermissionSet;
  roleName: string | null;
  source: "settings" | "tag" | "name";
}

/** The proxy permission sets (name matches the pattern) and their target role names. */
export function proxyPermissionSets(state: OrgInventory, settings: FindingSettings): ProxyTarget[] {
  const pattern = globRegExp(settings.proxyPermissionSetPattern);
  const proxies: ProxyTarget[] = [];
  for (const permissionSet of state.identityCenter?.permissionSets ?? []) {
    const match = pattern.exec(permissionSet.name);
    if (!match) continue;
    const configured = settings.proxyTargets[permissionSet.name];
    const tagged = permissionSet.tags?.[PROXY_TARGET_TAG]?.trim();
    if (configured) proxies.push({ permissionSet, roleName: configured, source: "settings" });
    else if (tagged) proxies.push({ permissionSet, roleName: tagged, source: "tag" });
    else proxies.push({ permissionSet, roleName: match.slice(1).join("") || null, source: "name" });
  }
  return proxies;
}
