import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cliActor, listAuditEntries } from "../audit";
import { collector } from "../export/testing/collect";
import type { ReviewCampaignView } from "../review";
import { useTestDatabase } from "../testing/use-test-database";
import { exportReviewCampaign } from ".";
import { FORMULA, seedSignedOffCampaign } from "./testing/seed-review-campaign";

const database = useTestDatabase();

async function readSheets(bytes: Buffer): Promise<Map<string, ExcelJS.Cell[][]>> {
  const sheets = new Map<string, ExcelJS.Cell[][]>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: "emit" });
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

describe("exportReviewCampaign", () => {
  let campaign: ReviewCampaignView;

  beforeAll(async () => {
    ({ campaign } = await seedSignedOffCampaign(database.db));
  });

  it("writes every row as CSV naming the campaign and snapshot, with a formula display name neutralised", async () => {
    const out = collector();
    const result = await exportReviewCampaign(database.db, { campaignId: campaign.id, format: "csv", bom: true, out, actor: cliActor() });
    expect(result.fileName).toBe(
      `vigil-review-${campaign.id}-snapshot-${campaign.snapshotId}-${campaign.periodStart.toISOString().slice(0, 10)}.csv`,
    );
    const text = out.text();
    expect(text.startsWith("\uFEFFCampaign,Snapshot,Row,Person,Email,")).toBe(true);
    const lines = text.slice(1).split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(campaign.counts.total);
    expect(result.rows).toBe(campaign.counts.total);
    expect(lines.every((line) => line.startsWith(`${campaign.id},${campaign.snapshotId},`))).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const bob = lines.find((line) => line.includes("bob@example.com"));
    expect(bob).toContain(",revoke,left the team,Rita Reviewer,");
    expect(bob).toContain(",1 h,3600,");
  });

  it("writes rows, summary and changes sheets whose cells are strings, never formulas", async () => {
    const out = collector();
    await exportReviewCampaign(database.db, { campaignId: "latest", format: "xlsx", out, actor: cliActor() });
    const sheets = await readSheets(out.bytes());
    expect([...sheets.keys()]).toEqual(["Rows", "Summary", "Changes since last campaign"]);
    const rows = sheets.get("Rows") ?? [];
    expect(rows).toHaveLength(campaign.counts.total + 1);
    const personColumn = rows[0]?.findIndex((cell) => cell.value === "Person") ?? -1;
    const mallory = rows.find((row) => row[personColumn]?.value === FORMULA)?.[personColumn];
    expect(mallory?.type).toBe(ExcelJS.ValueType.String);
    expect(mallory?.formula).toBeUndefined();
    const summary = new Map((sheets.get("Summary") ?? []).map((row) => [String(row[0]?.value ?? ""), String(row[1]?.value ?? "")]));
    expect(summary.get("Campaign")).toBe(`#${campaign.id} ${campaign.name}`);
    expect(summary.get("Snapshot")).toBe(`#${campaign.snapshotId}`);
    expect(summary.get("Audit chain head at sign-off (hash)")).toBe(campaign.signOffAuditHash);
    expect(summary.get("Signed off")).toContain("Aud Itor");
    expect(summary.get("Sign-off comment")).toBe("=looks good");
    expect(summary.get("Revoke")).toBe("1");
    // the first campaign: every row is new since (no) last campaign
    expect(sheets.get("Changes since last campaign")).toHaveLength(campaign.counts.byChange.new + 1);
  });

  it("writes NDJSON and JSON with the campaign first and one record per row", async () => {
    const ndjson = collector();
    await exportReviewCampaign(database.db, { campaignId: campaign.id, format: "ndjson", out: ndjson, actor: cliActor() });
    const lines = ndjson
      .text()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ kind: "vigil.review-export", campaign: { id: campaign.id, snapshotId: campaign.snapshotId } });
    expect(lines.slice(1)).toHaveLength(campaign.counts.total);
    expect(lines.slice(1).every((line) => line.campaignId === campaign.id)).toBe(true);

    const json = collector();
    await exportReviewCampaign(database.db, { campaignId: campaign.id, format: "json", out: json, actor: cliActor() });
    const document = JSON.parse(json.text()) as { campaign: { signOffAuditHash: string }; rows: unknown[]; progress: unknown[] };
    expect(document.campaign.signOffAuditHash).toBe(campaign.signOffAuditHash);
    expect(document.rows).toHaveLength(campaign.counts.total);
    expect(document.progress).toHaveLength(1);
  });

  it("writes a PDF summary and records every export in the audit trail", async () => {
    const out = collector();
    const result = await exportReviewCampaign(database.db, { campaignId: campaign.id, format: "pdf", out, actor: cliActor() });
    expect(out.bytes().subarray(0, 5).toString()).toBe("%PDF-");
    expect(result.bytes).toBe(out.bytes().byteLength);
    const audit = await listAuditEntries(database.db, {
      action: "export.created",
      targetType: "review_campaign",
      page: 1,
      pageSize: 50,
      dir: "asc",
    });
    const exports = audit.rows.filter((row) => row.targetType === "review_campaign");
    expect(exports.map((row) => (row.detail as { format: string }).format).sort()).toEqual(["csv", "json", "ndjson", "pdf", "xlsx"]);
    expect(exports.every((row) => row.targetId === String(campaign.id))).toBe(true);
  });

  it("refuses an unknown campaign before writing anything", async () => {
    const out = collector();
    await expect(exportReviewCampaign(database.db, { campaignId: 999_999, format: "csv", out, actor: cliActor() })).rejects.toThrow(
      /999999/,
    );
    expect(out.bytes().byteLength).toBe(0);
  });
});
