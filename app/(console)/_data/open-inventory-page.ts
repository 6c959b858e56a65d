import type { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { zodIssueLines } from "@/lib/errors";
import { getSnapshotView, type SnapshotRef } from "@/lib/inventory";
import { flattenSearchParams, type Query, type RawSearchParams } from "../_components/url";
import { requireInventoryReader } from "./require-inventory-reader";

export type InventoryPageProblem = { state: "invalid" | "unreadable"; messages: string[] } | { state: "no-snapshot" };

export type InventoryPage<P> =
  InventoryPageProblem | { state: "ready"; db: Db; params: P; query: Query; snapshot: SnapshotRef; snapshots: SnapshotRef[] };

export type ParsedPage<P> = { state: "invalid"; messages: string[] } | { state: "parsed"; db: Db; params: P; query: Query };

/** Role check and URL params parsed with the page's zod schema (a bad one becomes a message, not a 500). */
export async function parsePage<P>(schema: z.ZodType<P>, searchParams: Promise<RawSearchParams>): Promise<ParsedPage<P>> {
  await requireInventoryReader();
  const query = flattenSearchParams(await searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) return { state: "invalid", messages: zodIssueLines(parsed.error) };
  return { state: "parsed", db: await getDb(), params: parsed.data, query };
}

/** The common start of every inventory page: `parsePage`, then the snapshot to read "as of". */
export async function openInventoryPage<P extends { snapshot?: number }>(
  schema: z.ZodType<P>,
  searchParams: Promise<RawSearchParams>,
): Promise<InventoryPage<P>> {
  const page = await parsePage(schema, searchParams);
  if (page.state === "invalid") return page;
  const view = await getSnapshotView(page.db, page.params.snapshot);
  switch (view.state) {
    case "none":
      return { state: "no-snapshot" };
    case "unreadable":
      return { state: "unreadable", messages: [view.message] };
    case "ready":
      return { ...page, state: "ready", snapshot: view.snapshot, snapshots: view.options };
  }
}
