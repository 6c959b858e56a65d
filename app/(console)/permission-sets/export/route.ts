import type { ExportColumn } from "@/lib/export";
import { findPermissionSets, permissionSetListParams, type PermissionSetRow } from "@/lib/inventory";
import { formatIsoDuration } from "../../_components/format";
import { listExportRoute } from "../../_data/list-export-route";

export const dynamic = "force-dynamic";

const yesNo = (value: boolean) => (value ? "yes" : "no");

const COLUMNS: Array<ExportColumn<PermissionSetRow>> = [
  { header: "Name", value: (p) => p.name, width: 28 },
  { header: "ARN", value: (p) => p.arn, width: 60 },
  { header: "Description", value: (p) => p.description, width: 40 },
  { header: "Session duration", value: (p) => (p.sessionDuration ? formatIsoDuration(p.sessionDuration) : ""), width: 10 },
  { header: "Session duration (ISO 8601)", value: (p) => p.sessionDuration, width: 10 },
  { header: "AWS managed policies", value: (p) => p.awsManagedPolicyCount, width: 10 },
  { header: "Customer managed policies", value: (p) => p.customerManagedPolicyCount, width: 10 },
  { header: "Inline policy", value: (p) => yesNo(p.hasInlinePolicy), width: 8 },
  { header: "Permissions boundary", value: (p) => yesNo(p.hasPermissionsBoundary), width: 8 },
  { header: "Assignments", value: (p) => p.assignmentCount, width: 10 },
  {
    header: "Provisioned accounts",
    value: (p) => (p.provisionedAccountCount === null ? "(unreadable)" : p.provisionedAccountCount),
    width: 10,
  },
];

/** The permission sets list as CSV or XLSX, with the page's filters and sort (see listExportRoute). */
export const GET = listExportRoute({
  name: "permission-sets",
  label: "Permission sets",
  params: permissionSetListParams,
  columns: COLUMNS,
  findPage: findPermissionSets,
});
