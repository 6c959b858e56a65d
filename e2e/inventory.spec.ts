import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the demo organization that global-setup seeds through e2e/support/seed-inventory.ts.
// Read-only: specs can run in parallel against the one snapshot.

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
});

test("a viewer finds an account by name and sees the roles it holds", async ({ page }) => {
  // Given the accounts list of the latest snapshot
  await page.goto("/accounts");
  await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const name = (await rows.first().locator("td").nth(1).innerText()).trim();

  // When they search for it
  await page.getByLabel("Search").fill(name);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/search=/);
  await expect(rows.filter({ hasText: name }).first()).toBeVisible();

  // Then its page lists its IAM roles
  await rows.filter({ hasText: name }).first().locator("td").first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("heading", { name: /IAM roles \(\d+\)/ })).toBeVisible();
});

test("a role's trust policy is shown as pretty-printed JSON", async ({ page }) => {
  // Given the roles that are neither SSO-reserved nor service-linked, sorted by name
  await page.goto("/iam/roles?type=custom&sort=name");
  const firstRole = page.locator("tbody tr").first().getByRole("link").first();
  const roleName = (await firstRole.innerText()).trim();

  // When they open the first one
  await firstRole.click();

  // Then its trust policy is readable JSON with a Statement, and its history has a current version
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(roleName);
  const trust = page.getByLabel("trust policy");
  await expect(trust).toContainText('"Statement": [');
  await expect(page.getByRole("heading", { name: /Version history \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /current/ }).first()).toBeVisible();
});

test("reserved SSO roles name their permission set", async ({ page }) => {
  await page.goto("/iam/roles?type=sso");
  const row = page.locator("tbody tr").first();
  await expect(row.getByText("SSO", { exact: true })).toBeVisible();
  await row.getByRole("link").nth(2).click();
  await expect(page).toHaveURL(/\/permission-sets\/detail\?/);
  await expect(page.getByRole("heading", { name: /Assignments \(\d+\)/ })).toBeVisible();
});

test("the events page charts role assumptions and filters the table by event name", async ({ page }) => {
  await page.goto("/events");
  await expect(page.getByLabel("AssumeRole activity chart")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // By role: "Event" as a label would also match the session tables' "events of this session".
  await page.getByRole("combobox", { name: /^Event/ }).selectOption("AssumeRole");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/eventName=AssumeRole/);
  // The page's own rows (a session row spans every column and nests its events, which are AssumeRoles too).
  const eventCells = page.locator(".inv-table-wrap > table > tbody > tr > td:nth-child(2)");
  await expect(eventCells.first()).toContainText("AssumeRole");
  for (const text of await eventCells.allInnerTexts()) expect(text.split("\n")[0]).toBe("AssumeRole");
});

test("a bad list parameter explains itself instead of failing", async ({ page }) => {
  await page.goto("/accounts?pageSize=5000&sort=nope");
  const alert = page.getByRole("alert").filter({ hasText: "bad parameter" });
  await expect(alert).toContainText("This address has a bad parameter.");
  await expect(alert).toContainText("pageSize");
  await expect(alert).toContainText("sort");
});

for (const [path, heading] of [
  ["/identity-center/users", "Identity Center users"],
  ["/identity-center/groups", "Identity Center groups"],
  ["/permission-sets", "Permission sets"],
  ["/iam/users", "IAM users"],
] as const) {
  test(`${heading} lists the seeded organization and sorts server-side`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(page.locator("tbody tr").first()).toBeVisible();
    await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
    // The first column is the default sort (ascending); clicking it sorts descending through the URL.
    await page.locator("thead th a").first().click();
    await expect(page).toHaveURL(/sort=\w+&dir=desc/);
    await expect(page.locator("thead th[aria-sort=descending]")).toHaveCount(1);
  });
}

test("a snapshot's page reports its status, counts and coverage", async ({ page }) => {
  await page.goto("/snapshots");
  await expect(page.locator("tbody tr").first()).toContainText("COMPLETE");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Snapshot #\d+/);
  await expect(page.getByRole("heading", { name: "Counts" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Coverage" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Errors \(\d+\)/ })).toBeVisible();
});
