import { recordAudit, userActor } from "@/lib/audit";
import { requestMetaFrom, rolesWithPermission } from "@/lib/auth";
import { findingsCsv, listFindings, toExportRow, type FindingExportRow } from "@/lib/findings";
import { withRoute } from "@/lib/http";
import { findingListParams, toListFindingsInput } from "../finding-params";

export const dynamic = "force-dynamic";

/** The largest export; past it the file says it was cut rather than growing without bound. */
const MAX_ROWS = 100_000;
const BATCH = 5_000;

/**
 * The findings list as CSV, with the page's filters and order (every page of it). Cells that a
 * spreadsheet would run as formulas are defused by lib/csv's csvCell. Anyone who may read the
 * list may download it: the file holds what the page shows. The download is an audit entry.
 */
export const GET = withRoute({
  auth: true,
  roles: rolesWithPermission("inventory:read"),
  query: findingListParams.omit({ page: true, pageSize: true }),
  handler: async ({ db, user, query, req }) => {
    const now = new Date();
    await recordAudit(db, {
      actor: userActor(user),
      action: "export.created",
      target: { type: "findings", id: "findings", label: "findings list" },
      detail: {
        format: "csv",
        filters: Object.fromEntries(
          Object.entries(query)
            .filter(([, value]) => value !== undefined)
            .map(([k, v]) => [k, String(v)]),
        ),
      },
      requestId: req.headers.get("x-request-id"),
      clientAddress: requestMetaFrom(req.headers).ip,
    });
    const rows: FindingExportRow[] = [];
    let total = 0;
    for (let page = 1; rows.length < MAX_ROWS; page++) {
      const batch = await listFindings(db, { ...toListFindingsInput({ ...query, page, pageSize: BATCH }), pageSize: BATCH }, now);
      total = batch.total;
      rows.push(...batch.rows.map(toExportRow));
      if (batch.rows.length < BATCH) break;
    }
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    return new Response(findingsCsv(rows.slice(0, MAX_ROWS)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="vigil-findings-${stamp}.csv"`,
        "cache-control": "no-store",
        ...(total > MAX_ROWS ? { "x-vigil-truncated": `${MAX_ROWS} of ${total} rows` } : {}),
      },
    });
  },
});
