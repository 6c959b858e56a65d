import { describe, expect, it } from "vitest";
import { findingsCsv, type FindingExportRow } from "./findings-export";

describe("findings CSV", () => {
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
