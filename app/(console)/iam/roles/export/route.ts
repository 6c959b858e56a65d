import { z } from "zod";
import type { ExportColumn } from "@/lib/export";
import { findIamRoles, ROLE_SORTS, roleListParams, type IamRoleRow } from "@/lib/inventory";
import { formatSeconds } from "../../../_components/format";
import { listExportRoute } from "../../../_data/list-export-route";

export const dynamic = "force-dynamic";

/**
 * The page's params: its grouped view is one row per role name, but the download is always one row
 * per role (the grouped view's own sort, by account count, reads as by name).
 */
const exportParams = roleListParams.extend({
  view: z.enum(["grouped"]).optional(),
  sort: z.enum([...ROLE_SORTS, "accounts"], { error: `sort must be one of: ${[...ROLE_SORTS, "accounts"].join(", ")}` }).default("name"),
});

const COLUMNS: Array<ExportColumn<IamRoleRow>> = [
  { header: "Role name", value: (r) => r.roleName, width: 28 },
  { header: "Account id", value: (r) => r.accountId, width: 14 },
  { header: "Account name", value: (r) => r.accountName, width: 24 },
  { header: "ARN", value: (r) => r.arn, width: 60 },
  { header: "Path", value: (r) => r.path, width: 16 },
  { header: "Created", value: (r) => r.createdAt, width: 24 },
  { header: "Last used", value: (r) => r.lastUsedAt, width: 24 },
  { header: "Max session", value: (r) => (r.maxSessionDuration === null ? "" : formatSeconds(r.maxSessionDuration)), width: 10 },
  { header: "Max session (seconds)", value: (r) => r.maxSessionDuration, width: 10 },
  { header: "Service-linked", value: (r) => (r.isServiceLinked ? "yes" : "no"), width: 8 },
  { header: "Permission set", value: (r) => r.permissionSetName, width: 24 },
  { header: "Permission set ARN", value: (r) => r.permissionSetArn, width: 60 },
];

/** The IAM roles list as CSV or XLSX, with the page's filters and sort (see listExportRoute). */
export const GET = listExportRoute({
  name: "iam-roles",
  label: "IAM roles",
  params: exportParams,
  columns: COLUMNS,
  findPage: (db, { sort, view: _view, ...params }) => findIamRoles(db, { ...params, sort: sort === "accounts" ? "name" : sort }),
});
