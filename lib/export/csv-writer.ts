import type { Writable } from "node:stream";
import { csvLine } from "../csv";
import type { ExportBatches, ExportRow, ExportTally } from "./export-cell";
import { exportText } from "./export-cell";
import { writeChunks } from "./write-chunks";

export type CsvInput = {
  columns: readonly string[];
  batches: ExportBatches<ExportRow>;
  /** A UTF-8 byte-order mark first, for spreadsheet programs that otherwise guess a legacy code page. */
  bom?: boolean;
};

/**
 * RFC 4180 CSV (CRLF records, quoted where needed) in constant memory: one chunk per batch. Cells a
 * spreadsheet would run as a formula are neutralised by lib/csv (a leading `'`).
 */
export async function writeCsv(out: Writable, input: CsvInput, options: { end?: boolean } = {}): Promise<ExportTally> {
  let rows = 0;
  async function* chunks() {
    yield `${input.bom ? "\uFEFF" : ""}${csvLine(input.columns)}`;
    for await (const batch of input.batches) {
      rows += batch.length;
      yield batch.map((row) => csvLine(row.map(exportText))).join("");
    }
  }
  const bytes = await writeChunks(out, chunks(), options);
  return { rows, bytes };
}
