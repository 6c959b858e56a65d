import type { EntityKind } from "../snapshot";
import type { JsonChange } from "./diff-json";

/**
 * What a change in the feed is:
 * - `access`: who can reach what moved (a membership, an assignment, a trust or identity policy, an
 *   attachment, a permission set's content, a principal added or removed, a credential);
 * - `other`: descriptive fields only (descriptions, tags, display names, e-mail), or the organization's shape;
 * - `churn`: nothing a person changed (a "last used" time moved, a document re-formatted by AWS).
 */
export type ChangeCategory = "access" | "other" | "churn";

/** Kinds whose existence and content decide access. The rest (organization, OUs, accounts, the instance, AWS's own policies) are `other`. */
const ACCESS_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>([
  "IDC_USER",
  "IDC_GROUP",
  "IDC_GROUP_MEMBERSHIP",
  "PERMISSION_SET",
  "ACCOUNT_ASSIGNMENT",
  "IAM_ROLE",
  "IAM_USER",
  "IAM_GROUP",
  "IAM_POLICY",
  "IAM_CREDENTIAL",
  "SERVICE_CONTROL_POLICY",
]);

/** Top-level fields that describe an entity without deciding what it can reach. */
const DESCRIPTIVE_FIELDS: ReadonlySet<string> = new Set([
  "description",
  "tags",
  "displayName",
  "givenName",
  "familyName",
  "primaryEmail",
  "email",
  "externalIds",
]);

const topField = (path: string) => /^[^.[]*/.exec(path)?.[0] ?? path;

export function isAccessKind(kind: EntityKind): boolean {
  return ACCESS_KINDS.has(kind);
}

/** The category of an added, removed or changed entity; `changes` are its comparable differences (empty: cosmetic only). */
export function changeCategory(kind: EntityKind, change: "added" | "removed" | "changed", changes: readonly JsonChange[]): ChangeCategory {
  if (change !== "changed") return isAccessKind(kind) ? "access" : "other";
  if (changes.length === 0) return "churn";
  if (!isAccessKind(kind)) return "other";
  return changes.every((c) => DESCRIPTIVE_FIELDS.has(topField(c.path))) ? "other" : "access";
}
