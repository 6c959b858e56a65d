import { describe, expect, it } from "vitest";
import { csvCell, findingsCsv, type FindingExportRow } from "./findings-export";

describe("findings CSV", () => {
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

  it("writes one header and one line per finding, evidence as JSON", () => {
    const row: FindingExportRow = {
      id: 1,
      rule: "TRUST_WILDCARD",
      severity: "critical",
      status: "open",
      accountId: "222222222222",
      resourceArn: "arn:aws:iam::222222222222:role/=cmd",
      title: "t",
      evidence: { a: 1 },
      remediation: "r",
      firstSeenAt: "2026-01-01T00:00:00.000Z",
      lastSeenAt: "2026-01-02T00:00:00.000Z",
      suppressedUntil: null,
    };
    const [header, line] = findingsCsv([row]).split("\r\n");
    expect(header).toBe("id,rule,severity,status,accountId,resourceArn,title,evidence,remediation,firstSeenAt,lastSeenAt,suppressedUntil");
    expect(line).toBe(
      '1,TRUST_WILDCARD,critical,open,222222222222,arn:aws:iam::222222222222:role/=cmd,t,"{""a"":1}",r,2026-01-01T00:00:00.000Z,2026-01-02T00:00:00.000Z,',
    );
  });
});
