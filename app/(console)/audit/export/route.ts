import { z } from "zod";
import { recordAudit, streamAuditEntries, toAuditExportRow, userActor, type AuditFilter } from "@/lib/audit";
import { requestMetaFrom, rolesWithPermission } from "@/lib/auth";
import type { PrismaClient } from "@/lib/db";
import { withRoute } from "@/lib/http";
import { auditCsvLines } from "../audit-csv";
import { auditListParams, EXPORT_PARAMS, toAuditFilter } from "../audit-params";

export const dynamic = "force-dynamic";

const exportParams = z.intersection(
  auditListParams,
  z.object({ format: z.enum(["csv", "json"], { error: "format must be csv or json" }).default("csv") }),
);

function jsonLines(rows: AsyncIterable<ReturnType<typeof toAuditExportRow>>, header: Record<string, unknown>): AsyncGenerator<string> {
  return (async function* () {
    yield `${JSON.stringify(header).slice(0, -1)},"entries":[`;
    let first = true;
    for await (const row of rows) {
      yield `${first ? "" : ","}\n${JSON.stringify(row)}`;
      first = false;
    }
    yield "\n]}\n";
  })();
}

async function* exportRows(db: PrismaClient, filter: AuditFilter) {
  for await (const row of streamAuditEntries(db, filter)) yield toAuditExportRow(row);
}

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * The audit entries matching the page's filters, as CSV or JSON, every hashed field included so a
 * file can be checked offline. The export is itself an audit entry, written first: the file holds
 * every matching entry before it, read in batches, never the whole trail at once. CSV cells a
 * spreadsheet would run as formulas are defused (csvCell).
 */
export const GET = withRoute({
  auth: true,
  roles: rolesWithPermission("export:create"),
  query: exportParams,
  handler: async ({ db, user, query, req }) => {
    const filters = Object.fromEntries(EXPORT_PARAMS.flatMap((name) => (query[name] ? [[name, query[name]]] : [])));
    const recorded = await recordAudit(db, {
      actor: userActor(user),
      action: "export.created",
      target: { type: "audit_log", id: "audit", label: "audit log" },
      detail: { format: query.format, filters },
      requestId: req.headers.get("x-request-id"),
      clientAddress: requestMetaFrom(req.headers).ip,
    });
    const throughSequence = recorded.sequence - 1n;
    const rows = exportRows(db, { ...toAuditFilter(query), throughSequence });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const isCsv = query.format === "csv";
    const body = isCsv
      ? auditCsvLines(rows)
      : jsonLines(rows, {
          kind: "vigil.audit-export",
          exportSequence: recorded.sequence.toString(),
          throughSequence: throughSequence.toString(),
          filters,
        });
    return new Response(streamOf(body), {
      headers: {
        "content-type": isCsv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="vigil-audit-${stamp}.${query.format}"`,
        "cache-control": "no-store",
        "x-vigil-audit-export-entry": recorded.sequence.toString(),
      },
    });
  },
});
