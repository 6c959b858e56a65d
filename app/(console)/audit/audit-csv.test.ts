import { describe, expect, it } from "vitest";
import type { AuditExportRow } from "@/lib/audit";
import { auditCsvLines } from "./audit-csv";

const row = (overrides: Partial<AuditExportRow> = {}): AuditExportRow => ({
  sequence: "7",
  occurredAt: "2026-12-01T10:00:00.000Z",
  actorType: "ANONYMOUS",
  actorId: null,
  actorName: "alice",
  actorAuthMethod: "LOCAL",
  action: "auth.sign_in_failed",
  targetType: "user",
  targetId: "u1",
  targetLabel: "alice",
  detail: { reason: "bad password", b: 1 },
  requestId: null,
  clientAddress: "203.0.113.9",
  prevHash: "a".repeat(64),
  hash: "b".repeat(64),
  ...overrides,
});

async function csv(rows: AuditExportRow[]): Promise<string[]> {
  async function* source() {
    yield* rows;
  }
  const lines: string[] = [];
  for await (const line of auditCsvLines(source())) lines.push(line);
  return lines;
}

describe("auditCsvLines", () => {
  it("writes a header, then every hashed field with the detail as canonical JSON", async () => {
    const [header, line] = await csv([row()]);
    expect(header).toBe(
      "sequence,occurredAt,actorType,actorId,actorName,actorAuthMethod,action,targetType,targetId,targetLabel,detail,requestId,clientAddress,prevHash,hash\r\n",
    );
    expect(line).toContain(`,"{""b"":1,""reason"":""bad password""}",`);
  });

  it("defuses a claimed username a spreadsheet would run as a formula", async () => {
    const [, line] = await csv([row({ actorName: '=HYPERLINK("http://evil")', targetLabel: "+1-2" })]);
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain(",'+1-2,");
    expect(line).not.toMatch(/,=/);
  });
});
