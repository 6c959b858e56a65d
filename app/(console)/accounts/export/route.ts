import { accountListParams, findAccounts, type AccountRow } from "@/lib/inventory";
import type { ExportColumn } from "@/lib/export";
import { listExportRoute } from "../../_data/list-export-route";

export const dynamic = "force-dynamic";

const COLUMNS: Array<ExportColumn<AccountRow>> = [
  { header: "Account id", value: (a) => a.id, width: 14 },
  { header: "Name", value: (a) => a.name, width: 24 },
  { header: "Email", value: (a) => a.email, width: 28 },
  { header: "OU path", value: (a) => a.ouPath, width: 30 },
  { header: "Status", value: (a) => a.status, width: 12 },
  { header: "Joined", value: (a) => a.joinedAt, width: 24 },
  {
    header: "Tags",
    value: (a) =>
      a.tags === null
        ? "(unreadable)"
        : Object.entries(a.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join("; "),
    width: 40,
  },
  { header: "Roles", value: (a) => a.roleCount, width: 8 },
  { header: "Users", value: (a) => a.userCount, width: 8 },
];

/** The accounts list as CSV or XLSX, with the page's filters and sort (see listExportRoute). */
export const GET = listExportRoute({
  name: "accounts",
  label: "Accounts",
  params: accountListParams,
  columns: COLUMNS,
  findPage: findAccounts,
});
