import Link from "next/link";
import type { AccessMatrix, AccessMatrixRow } from "@/lib/access";
import { Badge } from "../_components/badges";
import type { Column } from "../_components/data-table";
import { hrefWith, type Query } from "../_components/url";

const PATH = "/access";

/** People down, accounts across; a cell names the permission sets and how the roles there are reached. */
export function accessMatrixColumns(matrix: AccessMatrix, query: Query): Array<Column<AccessMatrixRow>> {
  const personHref = (row: AccessMatrixRow, accountId?: string) =>
    hrefWith(PATH, query, { principal: row.userName, accountId, pathsPage: null });
  return [
    {
      key: "userName",
      header: "Person",
      sortable: true,
      render: (row) => (
        <>
          <Link href={personHref(row)}>{row.userName}</Link>
          {row.displayName && row.displayName !== row.userName ? <div className="inv-muted">{row.displayName}</div> : null}
        </>
      ),
    },
    { key: "accounts", header: "Accounts", sortable: true, render: (row) => row.cells.length },
    ...matrix.columns.map((column): Column<AccessMatrixRow> => ({
      key: `account-${column.accountId}`,
      header: column.accountName,
      cellClassName: "access-cell",
      render: (row) => {
        const cell = row.cells.find((c) => c.accountId === column.accountId);
        if (!cell) return <span className="inv-muted">—</span>;
        return (
          <Link href={personHref(row, column.accountId)} title={`${row.userName} in ${column.accountName} (${column.accountId})`}>
            {cell.permissionSets.join(", ") || `${cell.roleCount} role${cell.roleCount === 1 ? "" : "s"}`}
            {cell.viaChaining ? (
              <>
                {" "}
                <Badge tone="warn" title="some roles here are reached by role chaining (sessions capped at one hour)">
                  chained
                </Badge>
              </>
            ) : null}
            {cell.conditional ? (
              <>
                {" "}
                <Badge tone="warn" title="every path here depends on a request-time condition">
                  conditional
                </Badge>
              </>
            ) : null}
          </Link>
        );
      },
    })),
  ];
}
