import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the demo organization global-setup seeds (e2e/support/seed-inventory.ts): Mia Novak is in
// payments-engineers, whose Payments-Proxy permission set reaches PaymentsTeamRole by role chaining.
// Read-only: runs in parallel with the other specs.

const PERSON = "mia.novak@acme-fintech.example";

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
});

test("the people × accounts matrix shows a person's access and opens their paths and chain graph", async ({ page }) => {
  // Given the access matrix filtered to one person
  await page.goto("/access");
  await page.getByLabel("Person", { exact: true }).fill("mia.novak");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/search=mia\.novak/);
  const row = page.locator("tbody tr", { hasText: PERSON });
  await expect(row).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: "payments-prod" })).toBeVisible();
  await expect(row).toContainText("Payments-Proxy");

  // When they open the person
  await row.getByRole("link", { name: PERSON }).click();

  // Then every path is a row, the chained hop to the team role capped at one hour
  await expect(page.getByRole("heading", { name: `Paths of ${PERSON}` })).toBeVisible();
  const chained = page.locator("tbody tr", { hasText: "PaymentsTeamRole" }).filter({ hasText: "payments-prod" }).first();
  await expect(chained).toContainText("Payments-Proxy");
  await expect(chained).toContainText("capped by role chaining");
  await expect(chained).toContainText("1 h");

  // And the chain graph draws person → group → permission set → SSO role → team role, each linking to its page
  const graph = page.getByRole("figure", { name: `Chain of ${PERSON}` });
  await expect(graph).toBeVisible();
  const nodes = graph.getByTestId("chain-node");
  for (const [kind, label] of [
    ["IDC_USER", PERSON],
    ["IDC_GROUP", "payments-engineers"],
    ["PERMISSION_SET", "Payments-Proxy"],
    ["IAM_ROLE", "PaymentsTeamRole"],
  ] as const) {
    await expect(
      nodes
        .and(page.locator(`[data-kind="${kind}"]`))
        .filter({ hasText: label })
        .first(),
    ).toBeVisible();
  }
  await expect(nodes.and(page.locator('[data-kind="RESERVED_ROLE"]')).first()).toContainText("AWSReservedSSO_Payments-Proxy_");
  const teamRole = nodes.filter({ hasText: "PaymentsTeamRole" }).first().getByRole("link");
  await expect(teamRole).toHaveAttribute("href", /^\/iam\/roles\/detail\?arn=arn%3Aaws%3Aiam%3A%3A\d{12}%3Arole%2F.*PaymentsTeamRole$/);
  await teamRole.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("PaymentsTeamRole");
});

test("an unknown principal is named in an error, not a crash", async ({ page }) => {
  await page.goto("/access?principal=nobody%40nowhere.example");
  await expect(page.getByRole("alert").filter({ hasText: "no Identity Center user or group" })).toContainText("nobody@nowhere.example");
});
