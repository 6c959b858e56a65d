import { once } from "node:events";
import { PassThrough, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import type { ExportBatches, ExportCell, ExportRow, ExportTally } from "./export-cell";
import { exportText } from "./export-cell";

export type XlsxSheet = {
  name: string;
  columns: ReadonlyArray<{ header: string; width?: number }>;
  batches: ExportBatches<ExportRow>;
};

/** Excel's limit per cell; a longer value is cut and says so rather than corrupting the file. */
const MAX_CELL_CHARS = 32_767;
const CUT_MARK = " …[cut]";
/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xlsxText(value: string): string {
  const clean = value.replace(XML_ILLEGAL, "\uFFFD");
  return clean.length > MAX_CELL_CHARS ? `${clean.slice(0, MAX_CELL_CHARS - CUT_MARK.length)}${CUT_MARK}` : clean;
}

/**
 * Every text cell is a string cell, never a formula: exceljs writes a JS string without a `<f>`
 * element, so `=HYPERLINK(…)` in an Identity Center display name stays the text it is (Excel,
 * LibreOffice, openpyxl, SheetJS and exceljs all read it back as a string). Not a shared-string
 * table: it would hold every distinct string in memory. Numbers stay numbers; dates and booleans
 * become text (no styles, so no date formats).
 */
function xlsxValue(value: ExportCell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  const text = xlsxText(exportText(value));
  return text === "" ? null : text;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export function xlsxSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, " ")
    .trim()
    .slice(0, 31);
  return clean === "" ? "Sheet" : clean;
}

/**
 * An XLSX workbook in constant memory: exceljs' streaming writer, no shared-string table (it would
 * hold every distinct string) and no styles, one row committed at a time, one sheet after another.
 * exceljs buffers what it writes until the zip reads it, so after each batch the writer waits for
 * the output to drain: a slow reader slows the database reads instead of filling memory.
 */
export async function writeXlsx(out: Writable, sheets: readonly XlsxSheet[], options: { end?: boolean } = {}): Promise<ExportTally> {
  const zip = new PassThrough();
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  const piped = pipeline(zip, counter, out, { end: options.end ?? true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: false, useSharedStrings: false });
  let rows = 0;
  const drained = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    while (zip.writableNeedDrain || (zip.readableLength ?? 0) > zip.readableHighWaterMark) {
      await Promise.race([once(zip, "drain"), piped]);
    }
  };
  try {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(xlsxSheetName(sheet.name));
      worksheet.columns = sheet.columns.map((column) => ({ width: column.width ?? 18 }));
      worksheet.addRow(sheet.columns.map((column) => xlsxValue(column.header))).commit();
      for await (const batch of sheet.batches) {
        for (const row of batch) worksheet.addRow(row.map(xlsxValue)).commit();
        rows += batch.length;
        await drained();
      }
      worksheet.commit();
    }
    await workbook.commit();
  } catch (error) {
    zip.destroy(error instanceof Error ? error : new Error(String(error)));
    await piped.catch(() => undefined);
    throw error;
  }
  await piped;
  return { rows, bytes };
}
