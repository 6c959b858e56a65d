import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { inflateRawSync } from "node:zlib";
import type { Browser, Locator, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { collectOrganization } from "../lib/aws";
import { makeSimAwsConfig } from "../lib/aws/testing/sim-fixture";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createDb, type PrismaClient } from "../lib/db";
import { checkRevokes, findReviewItems, getReviewCampaignOrThrow, startReviewCampaign, type ReviewItemView } from "../lib/review";
import { takeSnapshot } from "../lib/snapshot";
import { expect, signInThroughApi, test } from "./support/fixtures";
import { FORMULA, readSeededReviews, type SeededReviews } from "./support/seed-reviews";
import type { E2eState, LocalCredentials } from "./support/state";

// Reads the campaign global-setup seeds (e2e/support/seed-reviews.ts): the scheduled review job's
// handler started it from a snapshot of the spec's own simulated organization, taken before the
// inventory seed's. The journey then changes that organization and snapshots it again, so it runs
// in its own project after the main one (playwright.config.ts): nobody else reads that snapshot.

const WEEK_MS = 7 * 86_400_000;

/** RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends, an optional UTF-8 BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let isQuoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (isQuoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function signedIn(browser: Browser, state: E2eState, user: LocalCredentials): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  await signInThroughApi(page, state, user);
  return page;
}

async function allItems(db: PrismaClient, campaignId: number): Promise<ReviewItemView[]> {
  return (await findReviewItems(db, campaignId, {}, { page: 1, pageSize: 10_000 })).rows;
}

/** The simulator's admin API (JSON over HTTP, lib/sim/README.md): an Identity Center assignment added or removed. */
async function changeAssignment(seeded: SeededReviews, method: "POST" | "DELETE", userId: string): Promise<void> {
  const response = await fetch(`${seeded.simUrl}/_sim/identity-center/assignments`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accountId: seeded.accountId, permissionSet: seeded.permissionSet, principalType: "USER", principalId: userId }),
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.ok, await response.text()).toBe(true);
}

async function snapshotOf(db: PrismaClient, simUrl: string): Promise<number> {
  const config = makeSimAwsConfig(simUrl);
  const result = await takeSnapshot(db, { source: "LIVE", collect: (onProgress) => collectOrganization(config, { onProgress }) });
  expect(result.status, result.failure ?? JSON.stringify(result.errors)).toBe("COMPLETE");
  return result.id;
}

/**
 * One file of a ZIP archive (an XLSX), found through the central directory, whose sizes are right
 * even when the writer streamed the entry with a data descriptor: stored or deflated.
 */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, "the XLSX is a ZIP archive").toBeGreaterThanOrEqual(0);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength, extraLength, commentLength, offset] = [
      zip.readUInt16LE(at + 10),
      zip.readUInt32LE(at + 20),
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
      zip.readUInt32LE(at + 42),
    ];
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}

/** A row's cell under the header `header` of its own table. */
async function cellOf(row: Locator, header: string): Promise<Locator> {
  const headers = (await row.locator("xpath=ancestor::table[1]/thead//th").allTextContents()).map((text) => text.trim());
  expect(headers, `the table has a "${header}" column`).toContain(header);
  return row.locator(":scope > td").nth(headers.indexOf(header));
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return readFileSync((await file.path())!);
}

let db: PrismaClient;
let seeded: SeededReviews;

test.describe.configure({ mode: "serial" });
test.beforeAll(() => {
  seeded = readSeededReviews();
});
test.beforeEach(({ state }) => {
  db = createDb(state.databaseUrl, { maxConnections: 2 });
});
test.afterEach(async () => {
  await db?.$disconnect();
});

test("the weekly job's campaign is attested in bulk, signed off by an auditor, downloads as CSV and XLSX matching it, the revoke shows done in the next snapshot, and next week's marks the joiner new and the revoked access removed", async ({
  browser,
  state,
}) => {
  test.setTimeout(240_000);
  const campaignPath = `/reviews/${seeded.campaignId}`;

  // Given the campaign the scheduled job started, listed with its snapshot and nothing decided
  const reviewer = await signedIn(browser, state, seeded.reviewer);
  await reviewer.goto("/reviews");
  const listed = reviewer.locator("tbody tr", { has: reviewer.locator(`a[href="${campaignPath}"]`) });
  await expect(listed).toContainText("by system");
  await expect(listed).toContainText(`#${seeded.snapshotA}`);
  await expect(await cellOf(listed, "Status")).toHaveText("open");
  await listed.getByRole("link", { name: /^Week of/ }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${campaignPath}$`));
  const before = await getReviewCampaignOrThrow(db, seeded.campaignId);
  expect(before.counts.total).toBeGreaterThan(3);

  // When the reviewer keeps every row assigned to them in one bulk decision ("select all N matching", beyond the visible page)
  await expect(reviewer.getByRole("combobox", { name: /^Reviewer/ })).toHaveValue("mine");
  const bulk = reviewer.getByRole("form", { name: "Decide the selected rows" });
  await bulk.getByLabel(`Select all ${before.counts.total} matching this filter`).check();
  await bulk.getByLabel("Decision").selectOption("keep");
  await bulk.getByRole("button", { name: "Submit decision" }).click();
  await expect(bulk.getByRole("status")).toContainText(`Decided ${before.counts.total} rows as keep.`);

  // And revokes the leaver's access with a comment, on the leaver's row alone
  await reviewer.goto(`${campaignPath}?person=${encodeURIComponent(seeded.leaver.email)}`);
  const leaverRow = reviewer.locator("tbody tr", { hasText: seeded.leaver.email });
  await expect(leaverRow).toHaveCount(1);
  await expect(leaverRow).toContainText(seeded.permissionSet);
  await expect(leaverRow).toContainText("never");
  const rowForm = leaverRow.getByRole("form", { name: /^Decide / });
  await rowForm.getByLabel("Decision").selectOption("revoke");
  await rowForm.getByLabel("Comment").fill("left the team in March");
  await rowForm.getByRole("button", { name: "Save" }).click();
  const leaverDecision = await cellOf(leaverRow, "Decision");
  await expect(leaverDecision).toContainText("“left the team in March”", { timeout: 15_000 });
  await expect(leaverDecision).toContainText("revoke");
  await expect(leaverDecision).not.toContainText("keep");

  // Then the remediation names the exact assignment to delete, as a CLI command, still pending
  const remediation = reviewer.getByRole("table", { name: "Remediation" });
  await expect(remediation).toContainText("aws sso-admin delete-account-assignment");
  await expect(remediation).toContainText(seeded.accountId);
  const pendingRemediation = remediation.locator("tbody tr", { hasText: seeded.leaver.email });
  await expect(pendingRemediation).toHaveCount(1);
  await expect(await cellOf(pendingRemediation, "Revoked?")).toHaveText("pending");

  // When the auditor opens it: their own access (they are also an Identity Center user) has no controls, and a bulk decision skips it
  const auditor = await signedIn(browser, state, seeded.auditor);
  await auditor.goto(`${campaignPath}?person=${encodeURIComponent(seeded.auditor.email)}`);
  const ownRow = auditor.locator("tbody tr", { hasText: FORMULA });
  await expect(ownRow).toHaveCount(1);
  await expect(ownRow).toContainText("your own access");
  await expect(ownRow.getByRole("checkbox")).toHaveCount(0);
  const auditorBulk = auditor.getByRole("form", { name: "Decide the selected rows" });
  await auditorBulk.getByLabel("Select all 1 matching this filter").check();
  await auditorBulk.getByLabel("Decision").selectOption("revoke");
  await auditorBulk.getByLabel("Comment").fill("trying to decide my own access");
  await auditorBulk.getByRole("button", { name: "Submit decision" }).click();
  await expect(auditorBulk.getByRole("status")).toContainText("Decided 0 rows as revoke; skipped 1 row.");
  await expect(auditorBulk.getByRole("list", { name: "Skipped rows" })).toContainText("own access");

  // And signs it off once nothing is pending
  await auditor.goto(campaignPath);
  const signOff = auditor.getByRole("form", { name: "Sign off the campaign" });
  await signOff.getByLabel("Comment").fill("weekly review complete");
  await signOff.getByRole("button", { name: "Sign off" }).click();
  // Then the form gives way to the signature: who, the comment, the audit chain's head at sign-off
  const signOffSection = auditor.locator("section", { has: auditor.getByRole("heading", { name: "Sign-off", exact: true }) });
  await expect(signOffSection).toContainText("Signed off by", { timeout: 15_000 });
  await expect(signOff).toHaveCount(0);
  const signed = await getReviewCampaignOrThrow(db, seeded.campaignId);
  expect(signed.status).toBe("signed-off");
  expect(signed.signOffAuditHash).toMatch(/^[0-9a-f]{64}$/);
  await auditor.reload();
  await expect(signOffSection).toContainText(seeded.auditor.username);
  await expect(signOffSection).toContainText("weekly review complete");
  await expect(signOffSection.getByText(signed.signOffAuditHash!)).toBeVisible();

  // Then the CSV download has a line per row of the campaign, with its decision, and the formula-named person inert
  const items = await allItems(db, seeded.campaignId);
  const decisionOf = (item: ReviewItemView) => (item.decision === "needs-info" ? "needs info" : (item.decision ?? "undecided"));
  const [header, ...csvRows] = parseCsv((await download(auditor, "CSV")).toString("utf8"));
  const column = (name: string) => header!.indexOf(name);
  expect(csvRows).toHaveLength(items.length);
  expect(new Map(csvRows.map((cells) => [Number(cells[column("Row")]), cells[column("Decision")]]))).toEqual(
    new Map(items.map((item) => [item.id, decisionOf(item)])),
  );
  const formulaItem = items.find((item) => item.personEmail === seeded.formulaUser.email)!;
  expect(formulaItem.personName).toBe(FORMULA);
  const formulaLine = csvRows.find((cells) => Number(cells[column("Row")]) === formulaItem.id)!;
  expect(formulaLine[column("Person")]).toBe(`'${FORMULA}`);
  expect(csvRows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

  // And the XLSX download's Rows sheet holds the same rows, the formula-named person a string cell, no cell anywhere a formula
  const xlsx = await download(auditor, "XLSX");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([xlsx]));
  let formulas = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++))),
  );
  expect(formulas).toBe(0);
  const sheet = workbook.getWorksheet("Rows")!;
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, number) => void headers.set(cell.text, number));
  const xlsxCell = (row: ExcelJS.Row, name: string) => row.getCell(headers.get(name)!);
  const xlsxRows = new Map<number, ExcelJS.Row>();
  sheet.eachRow((row, number) => {
    if (number > 1) xlsxRows.set(Number(xlsxCell(row, "Row").text), row);
  });
  expect([...xlsxRows.keys()].sort((a, b) => a - b)).toEqual(items.map((item) => item.id).sort((a, b) => a - b));
  for (const item of items) expect(xlsxCell(xlsxRows.get(item.id)!, "Decision").text).toBe(decisionOf(item));
  const formulaCell = xlsxCell(xlsxRows.get(formulaItem.id)!, "Person");
  expect(formulaCell.text).toBe(FORMULA);
  // exceljs reads it as a string cell, and so is it in the sheet's own XML: a string type, no formula element
  expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
  expect(sheet.id).toBe(1);
  const rowsXml = zipEntry(xlsx, "xl/worksheets/sheet1.xml");
  const cellXml = new RegExp(`<c r="${formulaCell.address}"([^>]*)>(.*?)</c>`).exec(rowsXml);
  expect(cellXml, `cell ${formulaCell.address} in the Rows sheet`).not.toBeNull();
  expect(/ t="([^"]*)"/.exec(cellXml![1]!)?.[1]).toMatch(/^(str|inlineStr)$/);
  expect(cellXml![2]).not.toMatch(/<f[ >]/);
  const cellText = [...cellXml![2]!.matchAll(/<(?:v|t)(?: [^>]*)?>(.*?)<\/(?:v|t)>/g)].map((match) => match[1]).join("");
  expect(
    cellText
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  ).toBe(FORMULA);
  expect(rowsXml).not.toMatch(/<f[ >]/);

  // And an IAM user's own credentials read as long-term, on the page and in the CSV, not as a 0-second session
  const iamItem = items.find((item) => item.effectiveSessionSeconds === 0 && item.roleArn === null && item.permissionSetName === null);
  expect(iamItem, "the demo organization has IAM users with their own credentials").toBeDefined();
  await auditor.goto(`${campaignPath}?reviewer=all&person=${encodeURIComponent(iamItem!.personKey)}&accountId=${iamItem!.accountId}`);
  const iamRow = auditor.locator("tbody tr", { hasText: iamItem!.pathLabel });
  await expect(iamRow).toHaveCount(1);
  await expect(await cellOf(iamRow, "Session")).toHaveText("long-term credentials");
  const iamLine = csvRows.find((cells) => Number(cells[column("Row")]) === iamItem!.id)!;
  expect(iamLine[column("Session")]).toBe("long-term credentials");

  // When the revoke is carried out in AWS and the joiner gets the same access, and the next snapshot is taken
  await changeAssignment(seeded, "POST", seeded.joiner.userId);
  await changeAssignment(seeded, "DELETE", seeded.leaver.userId);
  const snapshotB = await snapshotOf(db, seeded.simUrl);
  expect(await checkRevokes(db, snapshotB)).toEqual({ checked: 1, done: 1, notDone: 0 });

  // Then the remediation shows the leaver's revoke done
  await reviewer.goto(campaignPath);
  const leaverRemediation = reviewer.getByRole("table", { name: "Remediation" }).locator("tbody tr", { hasText: seeded.leaver.email });
  await expect(leaverRemediation).toHaveCount(1);
  await expect(await cellOf(leaverRemediation, "Revoked?")).toHaveText("done");

  // When next week's campaign starts from that snapshot
  const { campaign: next, isCreated } = await startReviewCampaign(db, {
    actor: SYSTEM_ACTOR,
    snapshotId: snapshotB,
    now: new Date(Date.now() + WEEK_MS),
  });
  expect(isCreated).toBe(true);
  expect(next.previousCampaignId).toBe(seeded.campaignId);

  // Then the joiner's access is NEW and the revoked one REMOVED, needing no decision
  const nextItems = await allItems(db, next.id);
  expect(nextItems.filter((item) => item.change === "new").map((item) => item.personEmail)).toEqual([seeded.joiner.email]);
  expect(nextItems.filter((item) => item.change === "removed").map((item) => item.personEmail)).toEqual([seeded.leaver.email]);
  await reviewer.goto(`/reviews/${next.id}?change=new`);
  await expect(reviewer.locator("tbody tr", { hasText: seeded.joiner.email })).toContainText("NEW");
  await reviewer.goto(`/reviews/${next.id}?change=removed`);
  const removedRow = reviewer.locator("tbody tr", { hasText: seeded.leaver.email });
  await expect(removedRow).toHaveCount(1);
  await expect(await cellOf(removedRow, "Change")).toHaveText("REMOVED");
  await expect(await cellOf(removedRow, "Decision")).toHaveText("no decision needed");

  // And the findings the findings seed opened after last week's campaign make those paths CHANGED (in their findings alone), undecided
  const changed = nextItems.filter((item) => item.change === "changed");
  for (const item of changed) {
    expect(Object.keys(item.changeDetail ?? {}), `row ${item.id}`).toEqual(["findings"]);
    expect(item.decision, `row ${item.id}`).toBeNull();
  }
  const formulaNext = nextItems.find((item) => item.personEmail === seeded.formulaUser.email)!;
  expect(formulaNext.change).toBe("changed");
  const ids = (formulaNext.changeDetail!.findings!.to as number[]).map((id) => `#${id}`).join(", ");
  await reviewer.goto(`/reviews/${next.id}?person=${encodeURIComponent(seeded.auditor.email)}`);
  const formulaRow = reviewer.locator("tbody tr", { hasText: FORMULA });
  await expect(formulaRow).toHaveCount(1);
  await expect(await cellOf(formulaRow, "Change")).toHaveText(`CHANGED open findings none → ${ids}`);
  await expect(await cellOf(formulaRow, "Decision")).toHaveText("undecided");

  // And unchanged rows carry last week's decision, marked so until confirmed
  const unchanged = nextItems.filter((item) => item.change === "unchanged");
  expect(unchanged.length).toBeGreaterThan(0);
  for (const item of unchanged) expect([item.decision, item.decisionPrefilled], `row ${item.id}`).toEqual(["keep", true]);
  const carriedItem = unchanged[0]!;
  await reviewer.goto(`/reviews/${next.id}?person=${encodeURIComponent(carriedItem.personKey)}&accountId=${carriedItem.accountId}`);
  const carried = reviewer.locator("tbody tr", { has: reviewer.getByLabel(`Select row ${carriedItem.id}`, { exact: true }) });
  await expect(carried).toHaveCount(1);
  await expect(await cellOf(carried, "Change")).toHaveText("UNCHANGED");
  await expect(await cellOf(carried, "Decision")).toContainText("keep");
  await expect(await cellOf(carried, "Decision")).toContainText("carried over from last week");
});
