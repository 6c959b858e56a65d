/** One cell of an export: what every writer accepts. Dates are written as ISO-8601 text. */
export type ExportCell = string | number | boolean | Date | null | undefined;

/** One row of a table export, in column order. */
export type ExportRow = readonly ExportCell[];

/** Rows arrive in batches (a keyset page of the database), so no writer ever holds the whole table. */
export type ExportBatches<Row = ExportRow> = AsyncIterable<readonly Row[]>;

/** What a writer produced: data rows (not the header) and bytes. */
export type ExportTally = { rows: number; bytes: number };

/** The text of a cell as a reader sees it: ISO dates, `true`/`false`, JSON for anything else structured. */
export function exportText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
