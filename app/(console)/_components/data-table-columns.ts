import type { ReactNode } from "react";

/** One column of a DataTable. */
export type Column<Row> = {
  /** React key, and the `sort` param value when the column is sortable. */
  key: string;
  header: string;
  /** The read model sorts by `key` server-side. */
  sortable?: boolean;
  render: (row: Row) => ReactNode;
  /** How many columns this row's cell covers (the ones after it are not rendered for the row). */
  span?: (row: Row) => number;
  cellClassName?: string;
};

export type Cell<Row> = { column: Column<Row>; span: number };

/** The cells one row renders: a spanning cell swallows the columns it covers. */
export function rowCells<Row>(columns: ReadonlyArray<Column<Row>>, row: Row): Array<Cell<Row>> {
  const cells: Array<Cell<Row>> = [];
  for (let index = 0; index < columns.length;) {
    const column = columns[index]!;
    const span = Math.max(1, Math.min(column.span?.(row) ?? 1, columns.length - index));
    cells.push({ column, span });
    index += span;
  }
  return cells;
}
