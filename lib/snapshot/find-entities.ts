import { z } from "zod";
import type { Db } from "../db";
import { ENTITY_KINDS, type EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";
import { assertReadable, visibleAt } from "./readable-snapshot";

/** Data fields a free-text search looks at besides the natural key, per kind. */
const SEARCH_FIELDS: Record<EntityKind, string[]> = {
  ORGANIZATION: ["id"],
  ORG_ROOT: ["name"],
  ORG_UNIT: ["name", "path"],
  ACCOUNT: ["name", "email", "ouPath"],
  IDC_INSTANCE: ["name"],
  IDC_USER: ["userName", "displayName", "primaryEmail"],
  IDC_GROUP: ["displayName"],
  IDC_GROUP_MEMBERSHIP: [],
  PERMISSION_SET: ["name"],
  ACCOUNT_ASSIGNMENT: [],
  IAM_ROLE: ["roleName"],
  IAM_USER: ["userName"],
  IAM_GROUP: ["groupName"],
  IAM_POLICY: ["name"],
  IAM_CREDENTIAL: ["user"],
};

export const FIND_ENTITIES_INPUT = z.object({
  snapshotId: z.number().int().positive(),
  kind: z.enum(ENTITY_KINDS),
  where: z
    .object({
      accountId: z.string().regex(/^\d{12}$/).optional(),
      keyPrefix: z.string().min(1).max(2048).optional(),
      search: z.string().trim().min(1).max(200).optional(),
    })
    .default({}),
  orderBy: z
    .object({ field: z.enum(["naturalKey", "accountId"]), direction: z.enum(["asc", "desc"]).default("asc") })
    .default({ field: "naturalKey", direction: "asc" }),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});

export type FindEntitiesInput = z.input<typeof FIND_ENTITIES_INPUT>;

export interface EntityRow<T = EntityData> {
  naturalKey: string;
  accountId: string | null;
  data: T;
  validFrom: number;
  validTo: number | null;
}

/**
 * One page of the entities of one kind as of a readable snapshot, with the total matching count.
 * Served by the (kind, naturalKey, validFrom) and (kind, accountId, naturalKey) indexes.
 */
export async function findEntities<T = EntityData>(db: Db, input: FindEntitiesInput): Promise<{ rows: EntityRow<T>[]; total: number }> {
  const { snapshotId, kind, where, orderBy, page, pageSize } = FIND_ENTITIES_INPUT.parse(input);
  await assertReadable(db, snapshotId);

  const params: unknown[] = [snapshotId, kind];
  const conditions = [`kind = $2::"EntityKind"`, visibleAt("$1")];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (where.accountId) conditions.push(`"accountId" = ${bind(where.accountId)}`);
  if (where.keyPrefix) conditions.push(`"naturalKey" LIKE ${bind(`${escapeLike(where.keyPrefix)}%`)}`);
  if (where.search) {
    const pattern = bind(`%${escapeLike(where.search)}%`);
    const fields = SEARCH_FIELDS[kind].map((field) => `data->>'${field}' ILIKE ${pattern}`);
    conditions.push(`("naturalKey" ILIKE ${pattern}${fields.map((f) => ` OR ${f}`).join("")})`);
  }
  const filter = conditions.join(" AND ");
  const direction = orderBy.direction === "desc" ? "DESC" : "ASC";
  const order = orderBy.field === "accountId" ? `"accountId" ${direction} NULLS LAST, "naturalKey" ${direction}` : `"naturalKey" ${direction}`;

  const [rows, counted] = await Promise.all([
    db.$queryRawUnsafe<EntityRow<T>[]>(
      `SELECT "naturalKey", "accountId", data, "validFrom", "validTo" FROM "EntityVersion"
        WHERE ${filter} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      ...params,
    ),
    db.$queryRawUnsafe<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM "EntityVersion" WHERE ${filter}`, ...params),
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
