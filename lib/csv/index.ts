/** lib/csv: writing CSV exports that are safe to open in a spreadsheet. */
export { csvCell, csvLine } from "./csv-cell";
