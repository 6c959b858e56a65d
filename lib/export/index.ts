/**
 * lib/export: streaming writers for downloads of any size (CSV, XLSX, JSON, NDJSON, PDF), fed by
 * batches of rows with backpressure, in constant memory; and the web adapter that streams them.
 */
export { exportText, type ExportBatches, type ExportCell, type ExportRow, type ExportTally } from "./export-cell";
export { writeChunks } from "./write-chunks";
export { writeCsv, type CsvInput } from "./csv-writer";
export { writeXlsx, xlsxSheetName, type XlsxSheet } from "./xlsx-writer";
export { toJson, writeJson, writeNdjson } from "./json-writer";
export { pdfText, writePdf, type PdfReport } from "./pdf-writer";
export { EXPORT_CONTENT_TYPES, exportFileName, streamingResponse, type ExportFormat } from "./streaming-response";
export { tableBatches, type ExportColumn } from "./export-columns";
export { openExportFile, type ExportFile } from "./export-file";
