import { userActor } from "@/lib/audit";
import { requestMetaFrom, rolesWithPermission } from "@/lib/auth";
import { buildDriftReport, exportDriftReport } from "@/lib/drift";
import { withRoute } from "@/lib/http";
import { driftReportExportParams } from "../report-params";

export const dynamic = "force-dynamic";

/**
 * The drift report as PDF, CSV or JSON, for the same two snapshots as the page. Anyone who may
 * read the inventory may download it (it holds what the page shows); each download is an audit entry.
 */
export const GET = withRoute({
  auth: true,
  roles: rolesWithPermission("inventory:read"),
  query: driftReportExportParams,
  handler: async ({ db, user, query, req }) => {
    const report = await buildDriftReport(db, { since: query.since, until: query.until });
    const file = await exportDriftReport(db, {
      report,
      format: query.format,
      actor: userActor(user),
      destination: "download",
      requestId: req.headers.get("x-request-id"),
      clientAddress: requestMetaFrom(req.headers).ip,
    });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
});
