import { z } from "zod";
import { recordAudit, userActor } from "@/lib/audit";
import { requestMetaFrom, rolesWithPermission } from "@/lib/auth";
import { exportFileName, streamingResponse, writeCsv, writeXlsx, type ExportRow } from "@/lib/export";
import { EXPORT_COLUMNS, listFindings, toExportRow } from "@/lib/findings";
import { withRoute } from "@/lib/http";
import { getSnapshotView } from "@/lib/inventory";
import { childLogger } from "@/lib/log";
import { findingListParams, toListFindingsInput } from "../finding-params";

export const dynamic = "force-dynamic";

/** Bounds a runaway export; real finding lists are far smaller. */
const MAX_ROWS = 500_000;
const BATCH = 2_000;

const exportParams = z.intersection(
  findingListParams.omit({ page: true, pageSize: true }),
  z.object({ format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }).default("csv") }),
);

/**
 * The findings list as CSV or XLSX, with the page's filters and order (every page of it), streamed
 * while read. CSV cells a spreadsheet would run as formulas are defused (lib/csv); XLSX cells are
 * inline strings, never formulas. Anyone who may read the list may download it: the file holds
 * what the page shows. The file is named after the snapshot it was read as of; the download is
 * an audit entry.
 */
export const GET = withRoute({
  auth: true,
  roles: rolesWithPermission("inventory:read"),
  query: exportParams,
  handler: async ({ db, user, query, req }) => {
    const now = new Date();
    const { format, ...filters } = query;
    const view = await getSnapshotView(db, "snapshot" in filters && typeof filters.snapshot === "number" ? filters.snapshot : undefined);
    const snapshotPart = view.state === "ready" ? ["snapshot", view.snapshot.id] : [];
    const fileName = exportFileName(["vigil-findings", ...snapshotPart, now.toISOString().replace(/[:.]/g, "-")], format);
    await recordAudit(db, {
      actor: userActor(user),
      action: "export.created",
      target: { type: "findings", id: "findings", label: "findings list" },
      detail: {
        format,
        fileName,
        filters: Object.fromEntries(Object.entries(filters).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))),
      },
      requestId: req.headers.get("x-request-id"),
      clientAddress: requestMetaFrom(req.headers).ip,
    });
    async function* batches(): AsyncIterable<ExportRow[]> {
      for (let page = 1; (page - 1) * BATCH < MAX_ROWS; page++) {
        const result = await listFindings(db, { ...toListFindingsInput({ ...filters, page, pageSize: BATCH }), pageSize: BATCH }, now);
        if (result.rows.length > 0)
          yield result.rows.map((row) => {
            const exported = toExportRow(row);
            return EXPORT_COLUMNS.map((column) => (column === "evidence" ? JSON.stringify(exported.evidence) : exported[column]));
          });
        if (result.rows.length < BATCH) return;
      }
    }
    return streamingResponse(
      (out) =>
        format === "csv"
          ? writeCsv(out, { columns: EXPORT_COLUMNS, batches: batches() })
          : writeXlsx(out, [
              {
                name: "Findings",
                columns: EXPORT_COLUMNS.map((header) => ({ header, width: header === "evidence" ? 60 : 20 })),
                batches: batches(),
              },
            ]),
      { format, fileName },
      (error) => childLogger("export").error({ err: error }, "findings export failed while streaming"),
    );
  },
});
