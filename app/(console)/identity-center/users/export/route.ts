import type { ExportColumn } from "@/lib/export";
import { findIdcUsers, idcUserListParams, type IdcUserRow } from "@/lib/inventory";
import { listExportRoute } from "../../../_data/list-export-route";

export const dynamic = "force-dynamic";

const COLUMNS: Array<ExportColumn<IdcUserRow>> = [
  { header: "User id", value: (u) => u.userId, width: 38 },
  { header: "User name", value: (u) => u.userName, width: 28 },
  { header: "Display name", value: (u) => u.displayName, width: 28 },
  { header: "Email", value: (u) => u.email, width: 30 },
  { header: "Status", value: (u) => u.status, width: 10 },
  { header: "Groups", value: (u) => u.groupCount, width: 8 },
  { header: "Direct assignments", value: (u) => u.assignmentCount, width: 10 },
];

/** The Identity Center users list as CSV or XLSX, with the page's filters and sort (see listExportRoute). */
export const GET = listExportRoute({
  name: "idc-users",
  label: "Identity Center users",
  params: idcUserListParams,
  columns: COLUMNS,
  findPage: findIdcUsers,
});
