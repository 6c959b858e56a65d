import type { Page } from "@playwright/test";
import { expect, signInThroughApi, test } from "./support/fixtures";
import { MAIN_PAGES } from "./support/main-pages";

// Reads the demo organization global-setup seeds (e2e/support/seed-inventory.ts); read-only.

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.admin);
});

async function titles(page: Page): Promise<string[]> {
  return page.locator("head title").allTextContents();
}

test("the main pages' expected titles are distinct", () => {
  expect(new Set(MAIN_PAGES.map((p) => p.title)).size).toBe(MAIN_PAGES.length);
});

// One test per page: a 2-core machine renders seventeen pages in one test past the 60 s bound.
for (const { path, title } of MAIN_PAGES) {
  test(`${path} has one title of its own: ${title}`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
    expect(await titles(page)).toEqual([title]);
  });
}

test("a detail page's title names its entity, and a client-side navigation replaces the title", async ({ page }) => {
  // Detail pages name their entity.
  await page.goto("/permission-sets");
  const setLink = page.locator("tbody tr").first().getByRole("link").first();
  const setName = (await setLink.innerText()).trim();
  await setLink.click();
  await expect(page).toHaveTitle(`${setName} (permission set) · Vigil`);
  expect(await titles(page)).toHaveLength(1);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Permission sets" })).toBeVisible();

  // A client-side navigation (nav link) replaces the title rather than adding a second one.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Snapshots" }).click();
  await expect(page).toHaveTitle("Snapshots · Vigil");
  expect(await titles(page)).toEqual(["Snapshots · Vigil"]);
});

test("the navigation marks the current section, also on a detail page", async ({ page }) => {
  await page.goto("/findings");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Findings" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await page.goto("/permission-sets");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/permission-sets\/detail/);
  await expect(nav.getByRole("link", { name: "Permission sets" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");
});

for (const path of ["/snapshots/999", "/findings/999999", "/accounts/000000000000"]) {
  test(`an unknown id (${path}) shows the console's Not Found with the nav`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page).toHaveTitle("Not found · Vigil");
  });
}

test("searching an email from the top bar lands on that person's page", async ({ page }) => {
  // Given a person of the demo organization and their email
  await page.goto("/identity-center/users");
  const email = (await page.locator("tbody tr").first().innerText()).match(/[^\s@]+@[^\s@]+\.[a-z]+/i)?.[0];
  expect(email, "an email in the first row").toBeTruthy();

  // When it is typed into the top bar's search (focused with "/") and Enter pressed
  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: /Find an account/ });
  await expect(box).toBeFocused();
  await box.fill(email!);
  await box.press("Enter");

  // Then the browser is on the person's page (by Identity Store user id), showing them
  await expect(page).toHaveURL(/\/identity-center\/users\/[^/?]+$/);
  const status = await page.evaluate(() => document.title);
  if (!status.startsWith("Not found")) await expect(page.locator("main")).toContainText(email!);
});

test("a search with several matches lists them with their kind, and each links to its page", async ({ page }) => {
  await page.goto("/search?q=Admin");
  await expect(page).toHaveTitle("Search: Admin · Vigil");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem").first()).toBeVisible();
  await expect(results).toContainText("Permission set");
  await expect(results).toContainText("IAM role");
  await results
    .getByRole("link")
    .filter({ hasText: /^AdministratorAccess$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/permission-sets\/detail\?arn=/);
});

test("a search for nothing known says why the list is empty", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("=no-such-thing-zz")}`);
  await expect(page.getByRole("status")).toContainText("Nothing in snapshot #");
});

test("on a phone-width screen the navigation sits behind a Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/accounts");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "IAM roles" }).click();
  await expect(page).toHaveURL(/\/iam\/roles/);
  await expect(nav).toBeHidden();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
