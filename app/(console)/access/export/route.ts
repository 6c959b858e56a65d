import { getAccessContext, getAccessMatrix, type AccessMatrixCell, type AccessMatrixColumn, type AccessMatrixRow } from "@/lib/access";
import { rolesWithPermission } from "@/lib/auth";
import type { ExportColumn } from "@/lib/export";
import { withRoute } from "@/lib/http";
import { exportSnapshotId, listDownload, withExportFormat } from "../../_data/list-export-route";
import { accessPageParams } from "../access-params";

export const dynamic = "force-dynamic";

/** The matrix's largest page (getAccessMatrix's bound). */
const MATRIX_PAGE_SIZE = 500;

/** One filled cell of the matrix: a person, an account, and how they reach it. */
type MatrixCellRow = { person: AccessMatrixRow; account: AccessMatrixColumn; cell: AccessMatrixCell };

const yesNo = (value: boolean) => (value ? "yes" : "no");

const COLUMNS: Array<ExportColumn<MatrixCellRow>> = [
  { header: "User name", value: (r) => r.person.userName, width: 24 },
  { header: "Display name", value: (r) => r.person.displayName, width: 24 },
  { header: "Email", value: (r) => r.person.email, width: 28 },
  { header: "User id", value: (r) => r.person.userId, width: 38 },
  { header: "Account id", value: (r) => r.account.accountId, width: 14 },
  { header: "Account name", value: (r) => r.account.accountName, width: 24 },
  { header: "OU path", value: (r) => r.account.ouPath, width: 30 },
  { header: "Permission sets", value: (r) => r.cell.permissionSets.join("; "), width: 36 },
  { header: "Roles reachable", value: (r) => r.cell.roleCount, width: 8 },
  { header: "Some roles only by role chaining (1 h sessions)", value: (r) => yesNo(r.cell.viaChaining), width: 10 },
  { header: "Every path conditional", value: (r) => yesNo(r.cell.conditional), width: 10 },
];

/**
 * The access matrix (people × accounts) as CSV or XLSX with the page's filters and sort: one row per
 * filled cell, in the matrix's order (person, then account by name), so a spreadsheet can filter and
 * pivot it whatever the number of accounts. The principal panel's params are ignored.
 */
export const GET = withRoute({
  auth: true,
  roles: rolesWithPermission("inventory:read"),
  query: withExportFormat(accessPageParams),
  handler: async ({ db, user, query, req }) => {
    const snapshotId = await exportSnapshotId(db, query.snapshot);
    const { format, ouId, groupId, permissionSetArn, search, sort, dir } = query;
    const filters = { ouId, groupId, permissionSetArn, search, sort, dir };
    const context = await getAccessContext(db, snapshotId);
    async function* cells(): AsyncIterable<MatrixCellRow[]> {
      for (let page = 1; ; page++) {
        const matrix = getAccessMatrix(context, { ...filters, page, pageSize: MATRIX_PAGE_SIZE });
        const order = new Map(matrix.columns.map((column, index) => [column.accountId, index]));
        const rows = matrix.rows.flatMap((person) =>
          person.cells
            .filter((cell) => order.has(cell.accountId))
            .sort((a, b) => order.get(a.accountId)! - order.get(b.accountId)!)
            .map((cell) => ({ person, account: matrix.columns[order.get(cell.accountId)!]!, cell })),
        );
        if (rows.length > 0) yield rows;
        if (page * MATRIX_PAGE_SIZE >= matrix.total) return;
      }
    }
    return listDownload(
      db,
      { user, req },
      { name: "access-matrix", label: "Access matrix", snapshotId, format, filters, columns: COLUMNS, batches: cells() },
    );
  },
});
