import { z } from "zod";
import { userActor } from "@/lib/audit";
import { requestMetaFrom, rolesWithPermission } from "@/lib/auth";
import { streamingResponse } from "@/lib/export";
import { withRoute } from "@/lib/http";
import { childLogger } from "@/lib/log";
import { prepareReviewExport, REVIEW_EXPORT_FORMATS } from "@/lib/review-export";

export const dynamic = "force-dynamic";

const params = z.object({
  id: z.union([z.literal("latest"), z.coerce.number({ error: "id must be a campaign id or latest" }).int().positive().max(2_147_483_647)]),
});

const query = z.object({
  format: z.enum(REVIEW_EXPORT_FORMATS, { error: `format must be one of ${REVIEW_EXPORT_FORMATS.join(", ")}` }).default("csv"),
  bom: z
    .enum(["1", "0", "true", "false"], { error: "bom must be 1 or 0" })
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

/**
 * A campaign as CSV, XLSX, JSON, NDJSON or the auditors' PDF summary, streamed while it is read
 * (constant memory whatever the size). Whoever may read the campaign may download it; each
 * download is an `export.created` audit entry written before the first byte, and the file name
 * carries the campaign and its snapshot.
 */
export const GET = withRoute({
  auth: true,
  roles: rolesWithPermission("review:read"),
  params,
  query,
  handler: async ({ db, user, params, query, req }) => {
    const prepared = await prepareReviewExport(db, {
      campaignId: params.id,
      format: query.format,
      bom: query.bom,
      actor: userActor(user),
      requestId: req.headers.get("x-request-id"),
      clientAddress: requestMetaFrom(req.headers).ip,
    });
    return streamingResponse(
      (out) => prepared.write(out),
      {
        format: query.format,
        fileName: prepared.fileName,
        headers: {
          "x-vigil-campaign": String(prepared.campaign.id),
          "x-vigil-snapshot": String(prepared.campaign.snapshotId),
          "x-vigil-audit-export-entry": prepared.auditSequence.toString(),
        },
      },
      (error) =>
        childLogger("review-export").error({ err: error, campaignId: prepared.campaign.id }, "review export failed while streaming"),
    );
  },
});
