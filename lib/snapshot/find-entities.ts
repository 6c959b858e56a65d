import { z } from "zod";
import type { Db } from "../db";
import { entityAlias, type DataKey, type EntityAlias } from "./entity-alias";
import type { EntityDataOf } from "./entity-data-by-kind";
import { ENTITY_KINDS, type EntityKind } from "./entity-kinds";
import type { EntityData } from "./entity-records";
import { containsPattern, prefixPattern } from "./like-pattern";
import type { Page } from "./page";
import { direction, queryPage } from "./query-page";
import { assertReadable } from "./readable-snapshot";
import { join, sql, type Sql } from "./sql";

/** Data fields a free-text search looks at besides the natural key, per kind. */
const SEARCH_FIELDS: { [K in EntityKind]: Array<DataKey<EntityDataOf<K>>> } = {
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
  SERVICE_CONTROL_POLICY: ["name"],
  AWS_MANAGED_POLICY: ["name"],
};

export const ENTITY_SORTS = ["naturalKey", "accountId"] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

export const FIND_ENTITIES_INPUT = z.object({
  snapshotId: z.number().int().positive(),
  kind: z.enum(ENTITY_KINDS),
  where: z
    .object({
      accountId: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      keyPrefix: z.string().min(1).max(2048).optional(),
      search: z.string().trim().min(1).max(200).optional(),
    })
    .default({}),
  orderBy: z
    .object({ field: z.enum(ENTITY_SORTS), direction: z.enum(["asc", "desc"]).default("asc") })
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
export async function findEntities<T = EntityData>(db: Db, input: FindEntitiesInput): Promise<Page<EntityRow<T>, EntitySort>> {
  const { snapshotId, kind, where, orderBy, page, pageSize } = FIND_ENTITIES_INPUT.parse(input);
  await assertReadable(db, snapshotId);

  const e = entityAlias(kind, "e");
  const conditions = [e.asOf(snapshotId)];
  if (where.accountId) conditions.push(sql`${e.accountId} = ${where.accountId}`);
  if (where.keyPrefix) conditions.push(sql`${e.naturalKey} LIKE ${prefixPattern(where.keyPrefix)}`);
  if (where.search) conditions.push(searchMatches(e, containsPattern(where.search)));
  const dir = direction(orderBy.direction);
  const order: Sql =
    orderBy.field === "accountId" ? sql`${e.accountId} ${dir} NULLS LAST, ${e.naturalKey} ${dir}` : sql`${e.naturalKey} ${dir}`;

  return queryPage<EntityRow<T>, EntitySort>(db, {
    select: sql`${e.naturalKey}, ${e.accountId}, ${e.data}, ${e.validFrom}, ${e.validTo}`,
    from: e.table,
    where: conditions,
    orderBy: order,
    sort: { by: orderBy.field, dir: orderBy.direction },
    page,
    pageSize,
  });
}

function searchMatches<K extends EntityKind>(e: EntityAlias<K>, pattern: string): Sql {
  const fields: Array<DataKey<EntityDataOf<K>>> = SEARCH_FIELDS[e.kind];
  const matches = [e.naturalKey, ...fields.map((field) => e.text(field))].map((value) => sql`${value} ILIKE ${pattern}`);
  return sql`(${join(matches, " OR ")})`;
}
