import type { Role } from "../db";

/** Roles as written at the edges (CLI flags, OIDC_ROLE_MAP, JSON); the database stores the enum. */
export const ROLE_NAMES = ["viewer", "auditor", "breakglass-operator", "approver", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const ROLE_BY_NAME: Record<RoleName, Role> = {
  viewer: "VIEWER",
  auditor: "AUDITOR",
  "breakglass-operator": "BREAKGLASS_OPERATOR",
  approver: "APPROVER",
  admin: "ADMIN",
};

export function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(value);
}

export function roleFromName(name: RoleName): Role {
  return ROLE_BY_NAME[name];
}

export function roleName(role: Role): RoleName {
  const entry = Object.entries(ROLE_BY_NAME).find(([, value]) => value === role);
  if (!entry) throw new Error(`unknown role ${role}`);
  return entry[0] as RoleName;
}

/**
 * What each role may do. Roles are not a ladder: an approver cannot request a checkout and an
 * operator cannot approve one (four-eyes). Admin implies everything (see hasPermission).
 */
export const PERMISSIONS = {
  "inventory:read": ["viewer", "auditor", "breakglass-operator", "approver"],
  "audit:read": ["auditor"],
  "export:create": ["auditor"],
  "checkout:request": ["breakglass-operator"],
  "checkout:approve": ["approver"],
  /** the break-glass pages: credentials, checkouts and their history (never a secret) */
  "checkout:read": ["auditor", "breakglass-operator", "approver"],
  /** registering break-glass credentials in the vault */
  "vault:manage": [],
  /** accepting a finding's risk for a while is an audit judgement, not something a viewer decides */
  "findings:suppress": ["auditor", "approver"],
  /** accepting a role's changed trust policy as its new baseline (drift) */
  "trust-baseline:approve": ["approver"],
  "users:manage": [],
  /** weekly access reviews: assigned reviewers are often viewers */
  "review:read": ["viewer", "auditor", "breakglass-operator", "approver"],
  /** deciding rows: anyone for rows assigned to their e-mail, auditors (and admins) for any row; never one's own access (lib/review) */
  "review:attest": ["viewer", "auditor", "breakglass-operator", "approver"],
  /** closing a campaign */
  "review:sign-off": ["auditor"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

type HasRole = { role: RoleName };

/** True when the user holds one of `roles`; admin holds every role. No roles listed = any signed-in user. */
export function hasRole(user: HasRole, ...roles: RoleName[]): boolean {
  if (user.role === "admin") return true;
  if (roles.length === 0) return true;
  return roles.includes(user.role);
}

export function hasPermission(user: HasRole, permission: Permission): boolean {
  if (user.role === "admin") return true;
  return (PERMISSIONS[permission] as readonly RoleName[]).includes(user.role);
}

/** The roles (besides admin) that grant a permission, for "you need …" messages. */
export function rolesWithPermission(permission: Permission): RoleName[] {
  return [...PERMISSIONS[permission], "admin"];
}
