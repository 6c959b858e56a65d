import type { ExportBatches, ExportCell, ExportRow } from "./export-cell";

/** A column of a table export: its header and how to read it from a source row. */
export type ExportColumn<T> = { header: string; value: (row: T) => ExportCell; width?: number };

/** Source batches mapped to rows in the columns' order. */
export async function* tableBatches<T>(
  columns: ReadonlyArray<ExportColumn<T>>,
  batches: AsyncIterable<readonly T[]>,
): ExportBatches<ExportRow> {
  for await (const batch of batches) yield batch.map((row) => columns.map((column) => column.value(row)));
}
