import pg from "pg";
import { poolConfigFromUrl } from "../lib/db";
import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the findings global-setup evaluates on the seeded demo snapshot (e2e/support/seed-findings.ts).
// The one test that suppresses a finding; other specs only read findings.

const DAY_MS = 86_400_000;

/**
 * "Moves the clock" past a suppression's expiry: the web server's clock cannot move, so the
 * expiry moves to a minute ago instead (on the finding and on its SUPPRESSED history entry). The
 * pages then read it through lib/findings' real "an expired suppression reads as reopened" path.
 */
async function expireSuppression(databaseUrl: string, findingId: number): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const past = new Date(Date.now() - 60_000);
    const finding = await client.query(`UPDATE "Finding" SET "suppressedUntil" = $2 WHERE id = $1 AND status = 'SUPPRESSED'`, [
      findingId,
      past,
    ]);
    expect(finding.rowCount).toBe(1);
    await client.query(
      `UPDATE "FindingEvent" SET details = jsonb_build_object('until', $2::text) WHERE "findingId" = $1 AND type = 'SUPPRESSED'`,
      [findingId, past.toISOString()],
    );
  } finally {
    await client.end();
  }
}

test("a finding opened from the dashboard is suppressed with a reason, leaves the open list, and comes back reopened when the suppression expires", async ({
  page,
  state,
}) => {
  await signInThroughApi(page, state, state.users.admin);

  // Given the dashboard's open findings by severity
  await page.goto("/");
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Open findings" }) });
  const severityLink = card.getByRole("link", { name: /^[1-9]\d* open (critical|high|medium) findings$/ }).first();
  await expect(severityLink).toBeVisible();

  // When the user follows a severity and opens its first finding
  await severityLink.click();
  await expect(page).toHaveURL(/\/findings\?severity=(critical|high|medium)$/);
  const firstFinding = page.locator("tbody tr").first().getByRole("link").first();
  const title = (await firstFinding.innerText()).trim();
  await firstFinding.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const findingId = Number(/\/findings\/(\d+)$/.exec(page.url())?.[1]);
  expect(findingId).toBeGreaterThan(0);
  const rule = (
    await page
      .locator("dd")
      .filter({ has: page.locator(`a[href^="/findings?rule="]`) })
      .locator(".inv-mono")
      .innerText()
  ).trim();
  const openList = `/findings?rule=${rule}&pageSize=200`;
  const inList = page.locator(`tbody a[href="/findings/${findingId}"]`);

  // And suppresses it with a reason until tomorrow
  const suppress = page.getByRole("form", { name: "Suppress" });
  await suppress.getByLabel("Reason").fill("accepted risk: vendor migration in progress");
  await suppress.getByLabel("Until (UTC)").fill(new Date(Date.now() + DAY_MS).toISOString().slice(0, 10));
  await suppress.getByRole("button", { name: "Suppress" }).click();

  // Then it is suppressed, with who and why in its history, and no longer in the open list
  await expect(page.locator("dd .badge").filter({ hasText: /^suppressed$/ })).toBeVisible();
  await expect(page.getByTestId("history-suppressed")).toContainText("accepted risk: vendor migration in progress");
  await expect(page.getByTestId("history-suppressed")).toContainText(state.users.admin.username);
  await page.goto(openList);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(inList).toHaveCount(0);
  await page.goto(`/findings?rule=${rule}&status=suppressed&pageSize=200`);
  await expect(inList).toHaveCount(1);

  // When the suppression's expiry passes
  await expireSuppression(state.databaseUrl, findingId);

  // Then the finding reads as reopened, its history says the suppression expired, and it is back in the open list
  await page.goto(`/findings/${findingId}`);
  await expect(page.locator("dd .badge").filter({ hasText: /^reopened$/ })).toBeVisible();
  await expect(page.getByTestId("history-suppression_expired")).toBeVisible();
  await page.goto(openList);
  await expect(inList).toHaveCount(1);
  await expect(page.locator("tbody tr", { has: page.locator(`a[href="/findings/${findingId}"]`) })).toContainText("reopened");
});

test("a viewer reads findings and downloads them as CSV but is offered no way to suppress them", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);

  // Given the open findings list
  await page.goto("/findings?status=all");
  await expect(page.locator("tbody tr").first()).toBeVisible();

  // Then a viewer gets no checkboxes and no suppress form, only the role it takes
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Suppress selected" })).toHaveCount(0);
  await expect(page.getByText("Suppressing findings needs the role auditor, approver, admin.")).toBeVisible();

  // And the CSV export holds the filtered list, one header row first
  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(href).toBe("/findings/export?status=all");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,rule,severity,status,accountId,resourceArn,title,evidence,remediation,firstSeenAt,lastSeenAt,suppressedUntil");
  expect(lines.length).toBeGreaterThan(1);

  // And the download is in the audit trail under the viewer's name
  expect(await findingsExportsBy(state.databaseUrl, "viewer")).toBeGreaterThan(0);
});

async function findingsExportsBy(databaseUrl: string, role: string): Promise<number> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM "AuditEntry" a JOIN "User" u ON u.id = a."actorId"
        WHERE a.action = 'export.created' AND a."targetType" = 'findings' AND u.role = $1::"Role"`,
      [role.toUpperCase()],
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
