import { versionedContent, type EntityData, type EntityKind } from "../snapshot";
import { isPlainObject } from "./stable-json";

/**
 * Entity data as drift compares it. Left out:
 * - the "last used" fields, which the snapshot keeps out of its content hash and refreshes in place
 *   (lib/snapshot/activity-fields.ts: IAM_ROLE lastUsedAt/lastUsedRegion, IAM_CREDENTIAL
 *   passwordLastUsedAt and each access key's lastUsed*): they move with use, not with change;
 * - `rawDocument` beside a parsed `document` (inline policies, SCPs): the document is diffed by
 *   meaning, and its text would report every re-formatting AWS does as a change. When the
 *   document could not be parsed (null), the text is all there is and is kept.
 */
export function comparableData(kind: EntityKind, data: EntityData): EntityData {
  return withoutRawDocuments(versionedContent(kind, data)) as EntityData;
}

function withoutRawDocuments(value: unknown, depth = 0): unknown {
  if (depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => withoutRawDocuments(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const hasParsed = "rawDocument" in value && value.document !== null && value.document !== undefined;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([field]) => !(hasParsed && field === "rawDocument"))
      .map(([field, member]) => [field, field === "document" ? member : withoutRawDocuments(member, depth + 1)]),
  );
}
