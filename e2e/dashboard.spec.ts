import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the seeded demo organization (global-setup: snapshots, findings, CloudTrail, drift); changes nothing.

const SECTIONS = [
  ["dashboard-snapshot", "Latest snapshot"],
  ["dashboard-findings", "Open findings"],
  ["dashboard-breakglass", "Break-glass"],
  ["dashboard-review", "Access review"],
  ["dashboard-cloudtrail", "AssumeRole activity"],
  ["dashboard-riskiest", "Riskiest principals"],
  ["dashboard-access-changes", "Latest access changes"],
] as const;

test("the landing page shows every section with numbers that link to the page explaining them", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);

  // Given the landing page
  await page.goto("/");

  // Then each section is there, none failed, and its numbers link to their explanation
  for (const [testId, title] of SECTIONS) {
    const section = page.getByTestId(testId);
    await expect(section.getByRole("heading", { name: title, exact: true })).toBeVisible();
  }
  await expect(page.getByText("This section could not be loaded")).toHaveCount(0);
  await expect(page.getByTestId("dashboard-partial-accounts")).toHaveAttribute("href", /^\/snapshots\/\d+$/);
  await expect(page.getByTestId("dashboard-snapshot-age")).toContainText("ago");
  await expect(page.getByTestId("dashboard-out-of-window").getByRole("link")).toHaveAttribute(
    "href",
    "/findings?rule=BREAKGLASS_USED_WITHOUT_CHECKOUT",
  );
  await expect(page.getByTestId("dashboard-assume-role-calls")).toHaveAttribute(
    "href",
    /^\/events\?eventName=AssumeRole&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
  );
  await expect(
    page.getByTestId("dashboard-findings").getByRole("img", { name: /trend/i }).or(page.getByText("The trend appears")),
  ).toBeVisible();

  // When the viewer follows the count of one severity
  const severity = page
    .getByTestId("dashboard-findings")
    .getByRole("link", { name: /^[1-9]\d* open (critical|high|medium|low) findings$/ })
    .first();
  const label = (await severity.getAttribute("aria-label"))!;
  const [count, level] = /^(\d+) open (\w+) findings$/.exec(label)!.slice(1);
  await severity.click();

  // Then the findings list is filtered to that severity, with that many open findings
  await expect(page).toHaveURL(new RegExp(`/findings\\?severity=${level}$`));
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(
    page
      .locator("tbody tr .badge")
      .filter({ hasText: new RegExp(`^${level}$`) })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("navigation", { name: "pagination" }).first()).toContainText(` of ${count}`);
});

test("the riskiest principal links to that person's access paths", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
  await page.goto("/");

  // Given the riskiest principals, the first with its reach
  const first = page.getByTestId("dashboard-riskiest").locator("tbody tr[data-testid^='riskiest-']").first();
  await expect(first).toBeVisible();
  const userName = (await first.getAttribute("data-testid"))!.slice("riskiest-".length);
  const paths = Number((await first.locator("td").nth(2).innerText()).trim());
  expect(paths).toBeGreaterThan(0);

  // When the viewer opens the person
  await first.getByRole("link").first().click();

  // Then the access page lists that person's paths in the same snapshot
  await expect(page).toHaveURL(/\/access\?snapshot=\d+&principal=/);
  await expect(page.getByRole("heading", { name: new RegExp(`^Paths of ${userName}`) })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
});

test("the drift report page shows its sections with counts, and its PDF and CSV downloads", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);

  // Given the drift report of the seeded snapshots (the demo's scripted change)
  await page.goto("/drift/report");
  await expect(page.getByRole("heading", { level: 1, name: "Drift report" })).toBeVisible();
  for (const id of ["new-paths", "removed-paths", "trust-changes", "permission-set-changes", "findings-opened", "findings-resolved"]) {
    await expect(page.getByTestId(`count-${id}`)).toHaveText(/^\d+$/);
  }
  // The demo widens a trust policy: its change is listed with who made it
  expect(Number(await page.getByTestId("count-trust-changes").innerText())).toBeGreaterThan(0);
  await expect(page.getByTestId("trust-changes").getByRole("table", { name: "Who changed it" }).first()).toBeVisible();

  // When the PDF and the CSV are downloaded
  const pdfHref = (await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href"))!;
  const pdf = await page.request.get(pdfHref);
  const csv = await page.request.get((await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href"))!);

  // Then they are a PDF and a CSV naming both snapshots
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");
  expect(csv.status()).toBe(200);
  const [from, to] = /since=(\d+)&until=(\d+)/.exec(pdfHref)!.slice(1);
  expect((await csv.text()).split("\r\n")[1]).toMatch(new RegExp(`^${from},${to},`));
});
