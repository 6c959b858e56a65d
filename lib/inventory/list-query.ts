import { z } from "zod";
import { SORT_DIRECTIONS } from "../snapshot";

export { SORT_DIRECTIONS, type Page, type SortDirection } from "../snapshot";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** Paging params as they come from a URL: strings, coerced and bounded. */
export const pagingSchema = {
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be 1 or more").default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE, `pageSize must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  dir: z.enum(SORT_DIRECTIONS, { error: "dir must be asc or desc" }).default("asc"),
};

/** A sort param limited to the columns a read model can sort by, with a message listing them. */
export function sortParam<const K extends readonly [string, ...string[]]>(keys: K, fallback: K[number]) {
  return z.enum(keys, { error: `sort must be one of: ${keys.join(", ")}` }).default(fallback);
}

/** An optional free-text filter; empty means "no filter". */
export const optionalText = z
  .string()
  .trim()
  .max(200, "filter text must be at most 200 characters")
  .optional()
  .transform((value) => (value ? value : undefined));

/** The snapshot a list is read "as of"; absent means the latest readable snapshot. */
export const snapshotParam = z.coerce
  .number({ error: "snapshot must be a snapshot id" })
  .int("snapshot must be a snapshot id")
  .positive("snapshot must be a snapshot id")
  .optional();

export const yesNo = z.enum(["yes", "no"]).optional();

/** A page number param of its own, for the several tables of one detail page. */
export const pageParam = pagingSchema.page;
