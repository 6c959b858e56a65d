import type { EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";

/**
 * Fields a collector sets to null when it could not read them (documented in lib/aws/types.ts), as
 * opposed to "read, and empty". A null there says nothing about the entity, so the previous version's
 * value is kept instead; otherwise one throttled ListTagsForResource would write a new version of every
 * account and the next good run another one back.
 * - ACCOUNT.tags: ListTagsForResource failed.
 * - PERMISSION_SET.tags / provisionedAccountIds: their list calls failed.
 * - IAM_ROLE.maxSessionDuration / description: ListRoles failed (GAAD does not return them); a role
 *   always has a MaxSessionDuration, so null is the tell-tale and description travels with it.
 */
const UNKNOWN_WHEN_NULL: Partial<Record<EntityKind, { tell: string[]; carry: string[] }>> = {
  ACCOUNT: { tell: ["tags"], carry: ["tags"] },
  PERMISSION_SET: { tell: ["tags", "provisionedAccountIds"], carry: ["tags", "provisionedAccountIds"] },
  IAM_ROLE: { tell: ["maxSessionDuration"], carry: ["maxSessionDuration", "description"] },
};

export function hasUnknownFields(kind: EntityKind, data: EntityData): boolean {
  return UNKNOWN_WHEN_NULL[kind]?.tell.some((field) => data[field] === null) ?? false;
}

/** `data` with each unknown (null) field taken from the previous version when that one knew it. */
export function carryUnknownFields(kind: EntityKind, data: EntityData, previous: EntityData): EntityData {
  const rule = UNKNOWN_WHEN_NULL[kind];
  if (!rule) return data;
  const merged = { ...data };
  const isRoleRule = kind === "IAM_ROLE";
  for (const field of rule.carry) {
    const isUnknown = isRoleRule ? data.maxSessionDuration === null : data[field] === null;
    if (isUnknown && previous[field] !== undefined && previous[field] !== null) merged[field] = previous[field];
  }
  return merged;
}
