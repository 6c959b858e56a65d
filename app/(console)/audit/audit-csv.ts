import { AUDIT_EXPORT_COLUMNS, detailCell, type AuditExportRow } from "@/lib/audit";
import { csvCell } from "@/lib/csv";

/** The export as CSV lines (header first), one at a time; cells a spreadsheet would run as formulas are defused. */
export async function* auditCsvLines(rows: AsyncIterable<AuditExportRow>): AsyncGenerator<string> {
  yield `${AUDIT_EXPORT_COLUMNS.join(",")}\r\n`;
  for await (const row of rows) {
    yield `${AUDIT_EXPORT_COLUMNS.map((column) => csvCell(column === "detail" ? detailCell(row) : row[column])).join(",")}\r\n`;
  }
}
