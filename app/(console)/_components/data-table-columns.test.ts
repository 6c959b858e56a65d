import { describe, expect, it } from "vitest";
import { rowCells, type Column } from "./data-table-columns";

type Row = { hasReport: boolean };
const column = (key: string, span?: Column<Row>["span"]): Column<Row> => ({ key, header: key, render: () => key, span });

describe("data table cells", () => {
  const columns = [column("name"), column("mfa", (row) => (row.hasReport ? 1 : 2)), column("keys"), column("created")];

  it("a row renders one cell per column when nothing spans", () => {
    expect(rowCells(columns, { hasReport: true }).map((cell) => [cell.column.key, cell.span])).toEqual([
      ["name", 1],
      ["mfa", 1],
      ["keys", 1],
      ["created", 1],
    ]);
  });

  it("a spanning cell covers the columns after it and never runs past the last one", () => {
    expect(rowCells(columns, { hasReport: false }).map((cell) => [cell.column.key, cell.span])).toEqual([
      ["name", 1],
      ["mfa", 2],
      ["created", 1],
    ]);
    const last = [column("a"), column("b", () => 5)];
    expect(rowCells(last, { hasReport: true }).map((cell) => cell.span)).toEqual([1, 1]);
  });
});
