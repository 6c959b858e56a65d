import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { pdfText, streamingResponse, writeCsv, writeJson, writeNdjson, writePdf, writeXlsx, xlsxSheetName } from ".";
import { batchesOf, collector } from "./testing/collect";

const HOSTILE = '=HYPERLINK("http://x","y")';

async function readXlsx(bytes: Buffer): Promise<Map<string, ExcelJS.Cell[][]>> {
  const sheets = new Map<string, ExcelJS.Cell[][]>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: "cache", worksheets: "emit" });
  for await (const worksheet of reader) {
    const rows: ExcelJS.Cell[][] = [];
    for await (const row of worksheet) {
      const cells: ExcelJS.Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell));
      rows.push(cells);
    }
    sheets.set((worksheet as unknown as { name: string }).name, rows);
  }
  return sheets;
}

describe("writeCsv", () => {
  it("writes RFC 4180 records with CRLF, quoting separators, quotes and line breaks", async () => {
    const out = collector();
    const tally = await writeCsv(out, {
      columns: ["name", "note", "when"],
      batches: batchesOf([["a,b", 'say "hi"', new Date("2026-01-02T03:04:05Z")]], [["multi\nline", null, 42]]),
    });
    expect(out.text()).toBe('name,note,when\r\n"a,b","say ""hi""",2026-01-02T03:04:05.000Z\r\n"multi\nline",,42\r\n');
    expect(tally).toEqual({ rows: 2, bytes: Buffer.byteLength(out.text()) });
  });

  it("neutralises an Identity Center display name that is a formula, and every other formula lead", async () => {
    const out = collector();
    await writeCsv(out, { columns: ["person"], batches: batchesOf([[HOSTILE], ["+1"], ["-2"], ["@SUM(A1)"], ["\tx"], ["\rx"]]) });
    const lines = out.text().split("\r\n").slice(1, -1);
    expect(lines[0]).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(lines.slice(1)).toEqual(["'+1", "'-2", "'@SUM(A1)", "'\tx", `"'\rx"`]);
  });

  it("starts with a UTF-8 byte-order mark only when asked", async () => {
    const withBom = collector();
    await writeCsv(withBom, { columns: ["é"], batches: batchesOf<string[]>(), bom: true });
    expect([...withBom.bytes().subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const without = collector();
    await writeCsv(without, { columns: ["é"], batches: batchesOf<string[]>() });
    expect(without.text()).toBe("é\r\n");
  });
});

describe("writeXlsx", () => {
  it("writes a formula-looking display name as a string cell that exceljs reads back with no formula", async () => {
    const out = collector();
    const tally = await writeXlsx(out, [
      {
        name: "rows",
        columns: [{ header: "person" }, { header: "seconds" }, { header: "at" }],
        batches: batchesOf([[HOSTILE, 3600, new Date("2026-01-02T00:00:00Z")]]),
      },
      { name: "summary", columns: [{ header: "=1+1" }], batches: batchesOf([["@x"], [null]]) },
    ]);
    expect(tally.rows).toBe(3);
    const sheets = await readXlsx(out.bytes());
    expect([...sheets.keys()]).toEqual(["rows", "summary"]);
    const [header, row] = sheets.get("rows") ?? [];
    expect(header?.map((cell) => cell.value)).toEqual(["person", "seconds", "at"]);
    expect(row?.[0]?.type).toBe(ExcelJS.ValueType.String);
    expect(row?.[0]?.value).toBe(HOSTILE);
    expect(row?.[0]?.formula).toBeUndefined();
    expect(row?.[1]?.value).toBe(3600);
    expect(row?.[2]?.value).toBe("2026-01-02T00:00:00.000Z");
    const summary = sheets.get("summary") ?? [];
    expect(summary[0]?.[0]?.type).toBe(ExcelJS.ValueType.String);
    expect(summary[1]?.[0]?.value).toBe("@x");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.bytes() as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet("rows")?.getCell("A2");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.text).toBe(HOSTILE);
  });

  it("keeps a file valid when a cell holds XML-illegal control characters or more than Excel's 32,767 characters", async () => {
    const out = collector();
    await writeXlsx(out, [
      { name: "x/y:[z]", columns: [{ header: "a" }, { header: "b" }], batches: batchesOf([["bell\u0007here", "x".repeat(40_000)]]) },
    ]);
    const sheets = await readXlsx(out.bytes());
    const row = sheets.get("x y  z")?.[1];
    expect(row?.[0]?.value).toBe("bell\uFFFDhere");
    expect(String(row?.[1]?.value)).toHaveLength(32_767);
    expect(String(row?.[1]?.value).endsWith("…[cut]")).toBe(true);
    expect(xlsxSheetName("a".repeat(40))).toHaveLength(31);
  });
});

describe("writeNdjson and writeJson", () => {
  it("writes one JSON object per line, head first", async () => {
    const out = collector();
    const tally = await writeNdjson(out, {
      head: { kind: "head", big: 12n },
      batches: batchesOf([{ a: 1 }, { a: "line\nbreak" }], [{ a: 3 }]),
    });
    const lines = out.text().split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { kind: "head", big: "12" },
      { a: 1 },
      { a: "line\nbreak" },
      { a: 3 },
    ]);
    expect(tally.rows).toBe(3);
  });

  it("streams one JSON document with the head's fields and each array", async () => {
    const out = collector();
    await writeJson(out, {
      head: { campaign: { id: 1 } },
      arrays: [
        { key: "rows", batches: batchesOf([{ n: 1 }, { n: 2 }], [{ n: 3 }]) },
        { key: "changes", batches: batchesOf<object>() },
      ],
    });
    expect(JSON.parse(out.text())).toEqual({ campaign: { id: 1 }, rows: [{ n: 1 }, { n: 2 }, { n: 3 }], changes: [] });
    const bare = collector();
    await writeJson(bare, { head: { only: true }, arrays: [] });
    expect(JSON.parse(bare.text())).toEqual({ only: true });
  });
});

describe("writePdf", () => {
  it("writes a complete PDF in the built-in Helvetica, whatever the text's script", async () => {
    const out = collector();
    const result = await writePdf(out, {
      title: "Review 7",
      sections: [
        { heading: "Counts", pairs: [["rows", "3"]] },
        { heading: "Remediation", lines: Array.from({ length: 200 }, (_, i) => `aws sso-admin delete-account-assignment ${i} → 日本`) },
        { heading: "Nothing", empty: "none" },
      ],
    });
    const bytes = out.bytes();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.subarray(-6).toString()).toContain("%%EOF");
    expect(result.pages).toBeGreaterThan(1);
    expect(result.bytes).toBe(bytes.byteLength);
    expect(pdfText("a → b 日本 é – x")).toBe("a -> b ?? é – x");
  });
});

describe("backpressure and the web adapter", () => {
  it("stops reading the source when the reader goes away", async () => {
    let pulled = 0;
    let isClosed = false;
    async function* endless() {
      try {
        for (;;) {
          pulled += 1;
          yield [["x".repeat(1000)]];
        }
      } finally {
        isClosed = true;
      }
    }
    const out = collector({ delayMs: 1, highWaterMark: 1024 });
    setTimeout(() => out.destroy(), 50);
    await expect(writeCsv(out, { columns: ["x"], batches: endless() })).rejects.toThrow();
    expect(isClosed).toBe(true);
    expect(pulled).toBeLessThan(200);
  });

  it("streams a writer's output as a download Response", async () => {
    const response = streamingResponse((out) => writeCsv(out, { columns: ["a"], batches: batchesOf([["=1"]]) }), {
      format: "csv",
      fileName: "vigil-x.csv",
    });
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="vigil-x.csv"');
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await response.text()).toBe("a\r\n'=1\r\n");
  });
});
