import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the demo organization global-setup seeds (e2e/support/seed-inventory.ts): its CloudTrail, and
// the drift snapshot whose collectors assumed Vigil's audit role in every member account (seed-drift.ts
// ingests up to then, so those calls are stored). Read-only.

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
});

const VIGIL_ROLE = "VigilAuditRole";
const VIGIL_SESSION = "vigil-audit";

test("the events page shows no Vigil audit calls until toggled, then shows them", async ({ page }) => {
  // Given the events into the audit role
  await page.goto(`/events?targetRole=${VIGIL_ROLE}&pageSize=200`);

  // Then Vigil's own calls are hidden by default, and the page says how many
  const note = page.getByRole("note", { name: "Vigil's own calls" });
  await expect(note).toContainText(/\d+ calls? by Vigil itself/);
  const hidden = Number((/(\d+) calls? by Vigil itself/.exec(await note.innerText()) ?? [])[1]);
  expect(hidden).toBeGreaterThan(0);
  await expect(page.locator("tbody").getByText(VIGIL_SESSION)).toHaveCount(0);

  // When the viewer shows them
  await note.getByRole("link", { name: "Show Vigil's own calls" }).click();

  // Then the address says so and the audit role's Vigil sessions are listed
  await expect(page).toHaveURL(/vigil=shown/);
  await expect(page.getByRole("note", { name: "Vigil's own calls" })).toContainText("Showing Vigil's own calls");
  await expect(page.locator("tbody tr").filter({ hasText: VIGIL_ROLE }).first()).toBeVisible();
  expect(await page.locator("tbody tr").filter({ hasText: VIGIL_ROLE }).count()).toBeGreaterThanOrEqual(Math.min(hidden, 200));
});

test("events name the account beside its id and link to it", async ({ page }) => {
  await page.goto("/events?eventName=AssumeRoleWithSAML");
  const account = page.locator("tbody tr").first().locator("td").nth(2).getByRole("link");
  await expect(account).toHaveText(/^\S.* \d{12}$/);
  const [name, id] = (await account.innerText()).split(" ");
  expect(name).not.toMatch(/^\d{12}$/);
  await expect(account).toHaveAttribute("href", `/accounts/${id}`);
});

test("a portal sign-in is one expandable session row naming the person", async ({ page }) => {
  // Given the portal sign-ins and what followed them on one page
  await page.goto("/events?pageSize=200");
  const session = page.getByRole("group", { name: /^sign-in session of (?!an unnamed principal$)/ }).first();
  await expect(session).toBeVisible();

  // When the session is opened
  await session.locator("summary").click();

  // Then its events are listed, with the person's name linked to their page
  await expect(session.getByRole("table", { name: "events of this session" })).toBeVisible();
  expect(await session.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
  // (the person's link heads the row, outside the summary: a summary is a button and holds no link)
  await expect(session.locator("summary").getByRole("link")).toHaveCount(0);
  await expect(session.getByRole("link").first()).toHaveAttribute("href", /^\/identity-center\/users/);
});

test("the change feed shows a group membership change with names, not ids", async ({ page }) => {
  // Given the demo's scripted change: a person added to platform-engineers
  await page.goto("/changes?kind=IDC_GROUP_MEMBERSHIP");

  // Then it is listed as an added access change, labelled "<user name> in <group name>"
  const change = page.getByRole("article", { name: /^added .+ in platform-engineers$/ });
  await expect(change).toBeVisible();
  await expect(change).toContainText("access");
  await expect(change.getByRole("link", { name: /zoe\.lambert@.* in platform-engineers/ })).toBeVisible();
  // and its diff shows what was added
  await expect(change.getByRole("list", { name: /changes to/ })).toBeVisible();
});

test("churn is hidden from the change feed until asked for", async ({ page }) => {
  await page.goto("/changes");
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "churn" })).toHaveCount(0);
  await page.getByRole("link", { name: "Show churn" }).click();
  await expect(page).toHaveURL(/churn=shown/);
  await expect(page.getByText("Churn shown")).toBeVisible();
});
