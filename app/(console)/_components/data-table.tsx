import Link from "next/link";
import type { ReactNode } from "react";
import type { Page } from "@/lib/inventory";
import { rowCells, type Column } from "./data-table-columns";
import { FilterForm } from "./filter-form";
import "./inventory.css";
import { NoRows, TableWrap } from "./page-header";
import { Pagination } from "./pagination";
import { SortableHeader } from "./sortable-header";
import type { Query } from "./url";

export type { Column } from "./data-table-columns";

/**
 * The one list table: column definitions over a read model's page, sorted and paged through the
 * URL (server-rendered, shareable links), with an optional filter form above and an empty state.
 */
export function DataTable<Row>({
  columns,
  page,
  rowKey,
  path,
  query,
  canSort = true,
  pageParam = "page",
  filters,
  caption,
  empty = "Nothing matches these filters.",
  exportHref,
}: {
  columns: ReadonlyArray<Column<Row>>;
  page: Page<Row>;
  rowKey: (row: Row) => string;
  path: string;
  query: Query;
  /** Off for tables inside a detail page, which keep a fixed order. */
  canSort?: boolean;
  /** The page param of this table (a detail page pages several tables independently). */
  pageParam?: string;
  /** Filter inputs; they go in a GET form that keeps the snapshot, sort and page size. */
  filters?: ReactNode;
  /** A note about the whole table (how its figures are measured). */
  caption?: ReactNode;
  empty?: ReactNode;
  /** Where the same rows download as CSV; shown as a link once an export route serves it. */
  exportHref?: string;
}) {
  return (
    <>
      {filters ? (
        <FilterForm path={path} query={query}>
          {filters}
        </FilterForm>
      ) : null}
      <TableWrap>
        <table>
          {caption ? <caption className="inv-muted">{caption}</caption> : null}
          <thead>
            <tr>
              {columns.map((column) =>
                canSort && column.sortable ? (
                  <SortableHeader
                    key={column.key}
                    label={column.header}
                    sortKey={column.key}
                    current={page.sort}
                    path={path}
                    query={query}
                  />
                ) : (
                  <th key={column.key}>{column.header}</th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={rowKey(row)}>
                {rowCells(columns, row).map(({ column, span }) => (
                  <td key={column.key} colSpan={span > 1 ? span : undefined} className={column.cellClassName}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
            {page.rows.length === 0 ? <NoRows colSpan={columns.length}>{empty}</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} path={path} query={query} param={pageParam} />
      {exportHref ? (
        <p>
          <Link href={exportHref} prefetch={false}>
            Download CSV
          </Link>
        </p>
      ) : null}
    </>
  );
}
