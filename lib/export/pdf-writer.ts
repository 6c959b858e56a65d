import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import PDFDocument from "pdfkit";

/** A text-only PDF: a title, then sections of "label: value" pairs and plain lines. */
export type PdfReport = {
  title: string;
  subtitle?: string;
  sections: ReadonlyArray<{
    heading: string;
    pairs?: ReadonlyArray<readonly [string, string]>;
    lines?: readonly string[];
    /** shown when the section has neither pairs nor lines */
    empty?: string;
  }>;
};

/** Unicode points the standard fonts' WinAnsi encoding has above U+00FF (pdfkit's WIN_ANSI_MAP). */
const WIN_ANSI_EXTRA = new Set([
  0x0192, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x20ac, 0x2030, 0x2039, 0x203a,
  0x02c6, 0x2122, 0x0152, 0x0153, 0x02dc, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e,
]);

/**
 * Text the built-in Helvetica can draw. The standard fonts speak WinAnsi only, and pdfkit writes
 * any other character as a broken glyph code, so arrows become `->` and anything else `?`.
 */
export function pdfText(text: string): string {
  let result = "";
  for (const char of text.replace(/→/g, "->").replace(/\r\n?|\t/g, " ")) {
    const code = char.codePointAt(0) ?? 0x3f;
    const isDrawable = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(code);
    result += isDrawable ? char : "?";
  }
  return result;
}

/**
 * Streams a PDF report to `out` (pdfkit, the built-in Helvetica: no font files, no native code).
 * pdfkit flushes each finished page, so memory holds about a page whatever the report's length.
 */
export async function writePdf(
  out: Writable,
  report: PdfReport,
  options: { end?: boolean } = {},
): Promise<{ bytes: number; pages: number }> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: pdfText(report.title), Creator: "Vigil" }, bufferPages: false });
  let bytes = 0;
  let pages = 1;
  doc.on("pageAdded", () => (pages += 1));
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  const piped = pipeline(doc, counter, out, { end: options.end ?? true });
  const width = doc.page.width - 100;
  doc.font("Helvetica-Bold").fontSize(16).text(pdfText(report.title), { width });
  if (report.subtitle)
    doc.font("Helvetica").fontSize(10).fillColor("#444444").text(pdfText(report.subtitle), { width }).fillColor("#000000");
  for (const section of report.sections) {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text(pdfText(section.heading), { width }).moveDown(0.2);
    doc.font("Helvetica").fontSize(9);
    for (const [label, value] of section.pairs ?? []) {
      doc
        .font("Helvetica-Bold")
        .text(`${pdfText(label)}: `, { width, continued: true })
        .font("Helvetica")
        .text(pdfText(value));
    }
    for (const line of section.lines ?? []) doc.text(pdfText(line), { width });
    if (!section.pairs?.length && !section.lines?.length && section.empty)
      doc.fillColor("#444444").text(pdfText(section.empty)).fillColor("#000000");
  }
  doc.end();
  await piped;
  return { bytes, pages };
}
