import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "./data-table";

type Row = { id: string; name: string };
const COLUMNS: Array<Column<Row>> = [
  { key: "name", header: "Name", sortable: true, render: (row) => row.name },
  { key: "id", header: "Id", render: (row) => row.id },
];

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> & { rows: Row[] }) {
  const { rows, ...rest } = props;
  return renderToStaticMarkup(
    createElement(DataTable<Row>, {
      columns: COLUMNS,
      page: { rows, total: rows.length, page: 1, pageSize: 50, sort: { by: "name", dir: "asc" } },
      rowKey: (row: Row) => row.id,
      path: "/things",
      query: { snapshot: "3", sort: "name", dir: "asc", page: "1" },
      ...rest,
    }),
  );
}

describe("data table", () => {
  it("the sorted column is marked and its link flips the direction, keeping the snapshot and dropping the page", () => {
    const html = render({ rows: [{ id: "a", name: "alpha" }] });
    expect(html).toContain(
      '<th aria-sort="ascending"><a class="inv-sort-link" href="/things?snapshot=3&amp;sort=name&amp;dir=desc">Name ▲</a></th>',
    );
    expect(html).toContain("<th>Id</th>");
    expect(html).toContain("<td>alpha</td><td>a</td>");
  });

  it("a table inside a detail page has plain headers and pages with its own param", () => {
    const html = render({ rows: [], canSort: false, pageParam: "rolesPage", empty: "No roles." });
    expect(html).not.toContain("inv-sort-link");
    expect(html).toContain('<td colSpan="2" class="inv-muted">No roles.</td>');
  });

  it("filters go in a GET form and the CSV link appears only when an export is offered", () => {
    const html = render({ rows: [], filters: createElement("input", { name: "search" }) });
    expect(html).toContain(
      '<form class="inv-toolbar" role="search" action="/things" method="get"><input type="hidden" name="snapshot" value="3"/>',
    );
    expect(html).not.toContain("Download CSV");
    expect(render({ rows: [], exportHref: "/things/export.csv" })).toContain('href="/things/export.csv"');
  });
});
