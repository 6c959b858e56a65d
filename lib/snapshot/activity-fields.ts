import { canonicalJson } from "./canonical-json";
import type { EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";

/**
 * "Last used" fields: they move whenever anyone uses the entity (including Vigil itself, whose
 * AssumeRole into the audit role bumps that role's RoleLastUsed on every run), so versioning them
 * would write a new version of every active role and credential on every snapshot while nothing
 * about access changed. They are left out of the content hash; when only they changed, the open
 * version's data is refreshed in place instead. So these fields always hold the latest observed
 * value and have no history (CloudTrail is the record of use). Excluded:
 * - IAM_ROLE: lastUsedAt, lastUsedRegion (RoleLastUsed);
 * - IAM_CREDENTIAL: passwordLastUsedAt and each access key's lastUsedAt / lastUsedRegion /
 *   lastUsedService (credential report).
 * (The credential report's generatedAt is not stored on rows at all, see entity-records.ts.)
 */
interface ActivityRule {
  /** top-level fields holding activity, loaded with the open versions to compare */
  fields: string[];
  split(data: EntityData): { stable: EntityData; activity: unknown };
}

const KEY_ACTIVITY = ["lastUsedAt", "lastUsedRegion", "lastUsedService"] as const;

const ACTIVITY_RULES: Partial<Record<EntityKind, ActivityRule>> = {
  IAM_ROLE: {
    fields: ["lastUsedAt", "lastUsedRegion"],
    split: ({ lastUsedAt, lastUsedRegion, ...stable }) => ({ stable, activity: { lastUsedAt, lastUsedRegion } }),
  },
  IAM_CREDENTIAL: {
    fields: ["passwordLastUsedAt", "accessKeys"],
    split: ({ passwordLastUsedAt, accessKeys, ...rest }) => {
      const keys = Array.isArray(accessKeys) ? (accessKeys as EntityData[]) : [];
      const stableKeys = keys.map((key) => Object.fromEntries(Object.entries(key).filter(([f]) => !isKeyActivity(f))));
      const keyActivity = keys.map((key) => Object.fromEntries(KEY_ACTIVITY.map((f) => [f, key[f]])));
      return { stable: { ...rest, accessKeys: stableKeys }, activity: { passwordLastUsedAt, accessKeys: keyActivity } };
    },
  },
};

const isKeyActivity = (field: string) => (KEY_ACTIVITY as readonly string[]).includes(field);

/** Fields to load with open versions of `kind` to compare activity; empty when it has none. */
export function activityFieldsOf(kind: EntityKind): string[] {
  return ACTIVITY_RULES[kind]?.fields ?? [];
}

/** The part of `data` that is versioned (what the content hash covers). */
export function versionedContent(kind: EntityKind, data: EntityData): EntityData {
  return ACTIVITY_RULES[kind]?.split(data).stable ?? data;
}

/** Canonical JSON of the activity part, to tell whether only activity changed; null for kinds without any. */
export function activityDigest(kind: EntityKind, data: EntityData): string | null {
  const rule = ACTIVITY_RULES[kind];
  return rule ? canonicalJson(rule.split(data).activity ?? null) : null;
}
