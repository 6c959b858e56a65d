import { z } from "zod";
import { recordAudit, userActor } from "@/lib/audit";
import { requestMetaFrom, rolesWithPermission, type SessionUser } from "@/lib/auth";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportFileName, streamingResponse, tableBatches, writeCsv, writeXlsx, type ExportColumn } from "@/lib/export";
import { withRoute } from "@/lib/http";
import { getSnapshotView, MAX_PAGE_SIZE, type Page } from "@/lib/inventory";
import { childLogger } from "@/lib/log";

export const LIST_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ListExportFormat = (typeof LIST_EXPORT_FORMATS)[number];
/** The largest list export; inventory lists are far smaller, this only bounds a runaway query. */
const MAX_ROWS = 500_000;

type ListParams = { snapshot?: number; page: number; pageSize: number };

/** `format=csv|xlsx` beside a list's own params. */
export function withExportFormat<P>(params: z.ZodType<P>) {
  return z.intersection(params, z.object({ format: z.enum(LIST_EXPORT_FORMATS, { error: "format must be csv or xlsx" }).default("csv") }));
}

/** The snapshot a download reads: the one asked for, else the latest readable; a 404 when there is none. */
export async function exportSnapshotId(db: Db, snapshot: number | undefined): Promise<number> {
  const view = await getSnapshotView(db, snapshot);
  if (view.state === "none") throw new AppError("NOT_FOUND", "no readable snapshot yet");
  if (view.state === "unreadable") throw new AppError("NOT_FOUND", view.message);
  return view.snapshot.id;
}

/**
 * A list's download: named after the list and the snapshot, recorded as `export.created` (with the
 * filters it was made with) before the first byte, then streamed while the batches are read. The
 * first column names the snapshot on every row.
 */
export async function listDownload<Row>(
  db: Db,
  request: { user: SessionUser; req: Request },
  list: {
    name: string;
    label: string;
    snapshotId: number;
    format: ListExportFormat;
    filters: Record<string, unknown>;
    columns: ReadonlyArray<ExportColumn<Row>>;
    batches: AsyncIterable<readonly Row[]>;
  },
): Promise<Response> {
  const { snapshotId, format } = list;
  const fileName = exportFileName([`vigil-${list.name}`, "snapshot", snapshotId], format);
  await recordAudit(db, {
    actor: userActor(request.user),
    action: "export.created",
    target: { type: list.name, id: list.name, label: list.label },
    detail: {
      format,
      snapshotId,
      fileName,
      filters: Object.fromEntries(
        Object.entries(list.filters).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
      ),
    },
    requestId: request.req.headers.get("x-request-id"),
    clientAddress: requestMetaFrom(request.req.headers).ip,
  });
  const columns = [{ header: "Snapshot", value: () => snapshotId, width: 10 } satisfies ExportColumn<Row>, ...list.columns];
  const batches = tableBatches(columns, list.batches);
  return streamingResponse(
    (out) =>
      format === "csv"
        ? writeCsv(out, { columns: columns.map((column) => column.header), batches })
        : writeXlsx(out, [{ name: list.label, columns, batches }]),
    { format, fileName, headers: { "x-vigil-snapshot": String(snapshotId) } },
    (error) => childLogger("export").error({ err: error, list: list.name }, "list export failed while streaming"),
  );
}

/**
 * One route design for every inventory list's CSV/XLSX download (`<list>/export?format=…` plus the
 * page's own filters and sort): the page's zod schema, the page's read model paged through at its
 * largest page size, and the list's columns (see listDownload).
 */
export function listExportRoute<P extends ListParams, Row>(list: {
  name: string;
  label: string;
  params: z.ZodType<P>;
  columns: ReadonlyArray<ExportColumn<Row>>;
  findPage: (db: Db, params: P & { snapshotId: number }) => Promise<Page<Row>>;
}) {
  return withRoute({
    auth: true,
    roles: rolesWithPermission("inventory:read"),
    query: withExportFormat(list.params),
    handler: async ({ db, user, query, req }) => {
      const snapshotId = await exportSnapshotId(db, query.snapshot);
      const { format, page: _page, pageSize: _pageSize, ...filters } = query;
      async function* pages(): AsyncIterable<Row[]> {
        for (let page = 1; (page - 1) * MAX_PAGE_SIZE < MAX_ROWS; page++) {
          const result = await list.findPage(db, { ...query, page, pageSize: MAX_PAGE_SIZE, snapshotId });
          if (result.rows.length > 0) yield result.rows;
          if (page * MAX_PAGE_SIZE >= result.total || result.rows.length < MAX_PAGE_SIZE) return;
        }
      }
      return listDownload(
        db,
        { user, req },
        { name: list.name, label: list.label, snapshotId, format, filters, columns: list.columns, batches: pages() },
      );
    },
  });
}
