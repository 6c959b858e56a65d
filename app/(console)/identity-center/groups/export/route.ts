import type { ExportColumn } from "@/lib/export";
import { findIdcGroups, idcGroupListParams, type IdcGroupRow } from "@/lib/inventory";
import { listExportRoute } from "../../../_data/list-export-route";

export const dynamic = "force-dynamic";

const COLUMNS: Array<ExportColumn<IdcGroupRow>> = [
  { header: "Group id", value: (g) => g.groupId, width: 38 },
  { header: "Display name", value: (g) => g.displayName, width: 28 },
  { header: "Description", value: (g) => g.description, width: 40 },
  { header: "Members", value: (g) => g.memberCount, width: 8 },
  { header: "First members", value: (g) => g.memberPreview.join("; "), width: 40 },
  { header: "Assignments", value: (g) => g.assignmentCount, width: 10 },
];

/** The Identity Center groups list as CSV or XLSX, with the page's filters and sort (see listExportRoute). */
export const GET = listExportRoute({
  name: "idc-groups",
  label: "Identity Center groups",
  params: idcGroupListParams,
  columns: COLUMNS,
  findPage: findIdcGroups,
});
