import { readFileSync } from "node:fs";
import { expect, signInThroughApi, signInWithForm, test } from "./support/fixtures";

function readSecret(text: string, label: string): string {
  const line = text.split("\n").find((candidate) => candidate.startsWith(label));
  if (!line) throw new Error(`no "${label}" line in ${text}`);
  return line.slice(label.length).trim();
}

test("an auditor sees sign-in entries in the audit log and exports them as CSV, which is itself audited", async ({
  page,
  browser,
  state,
}) => {
  // Given an auditor, created by an admin (an audited change too)
  await signInThroughApi(page, state, state.users.admin);
  await page.goto("/admin/users");
  const username = `auditor.${Date.now() % 1_000_000}`;
  await page.getByLabel("New user username").fill(username);
  await page.getByLabel("New user role").selectOption("auditor");
  await page.getByRole("button", { name: "Create local user" }).click();
  const text = (await page.getByTestId("secrets-once").textContent()) ?? "";
  const auditor = { username, password: readSecret(text, "password:"), totpSecret: readSecret(text, "TOTP secret:") };

  // When the auditor signs in and opens the audit log from the navigation
  const context = await browser.newContext({ baseURL: state.baseUrl, acceptDownloads: true });
  const auditorPage = await context.newPage();
  await signInWithForm(auditorPage, auditor);
  await auditorPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(auditorPage.getByRole("heading", { name: "Audit log" })).toBeVisible();

  // Then, filtered to them, their sign-in and their creation by the admin are listed
  await auditorPage.getByLabel("Target", { exact: true }).fill(username);
  await auditorPage.getByRole("button", { name: "Apply" }).click();
  const rows = auditorPage.locator("tbody tr");
  await expect(rows.filter({ hasText: "auth.sign_in" }).filter({ hasText: username })).toHaveCount(1);
  await expect(rows.filter({ hasText: "user.created" }).filter({ hasText: state.users.admin.username })).toHaveCount(1);

  // When they export the filtered entries as CSV
  const [download] = await Promise.all([auditorPage.waitForEvent("download"), auditorPage.getByRole("link", { name: "CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  // Then the file holds the same entries with their hashes
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "sequence,occurredAt,actorType,actorId,actorName,actorAuthMethod,action,targetType,targetId,targetLabel,detail,requestId,clientAddress,prevHash,hash",
  );
  expect(lines.some((line) => line.includes(",auth.sign_in,") && line.includes(username))).toBe(true);
  expect(csv).not.toContain(auditor.password);

  // And the export itself is in the trail, by the auditor
  await auditorPage.goto(`/audit?action=export.created&actor=${encodeURIComponent(username)}`);
  await expect(auditorPage.locator("tbody tr").filter({ hasText: "export.created" })).toHaveCount(1);
  await context.close();
});

test("a viewer has no audit log", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  expect((await page.request.get("/audit/export?format=csv")).status()).toBe(403);
});
