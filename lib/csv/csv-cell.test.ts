import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from ".";

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as formulas and quotes separators", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("role/Deploy")).toBe("role/Deploy");
    expect(csvCell(null)).toBe("");
  });

  it("writes a record with CRLF", () => {
    expect(csvLine(["a", 1, { b: 2 }, null])).toBe('a,1,"{""b"":2}",\r\n');
  });
});
