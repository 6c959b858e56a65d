import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the demo organization that global-setup seeds (e2e/support/seed-inventory.ts). Read-only.

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
});

test("a role page lists its trusted principals by name, marks the outside account and says the condition in words", async ({ page }) => {
  // Given the roles named AssumableAdmin, one per account, from the grouped view
  await page.goto("/iam/roles?view=grouped&search=AssumableAdmin");
  const group = page.locator("tbody tr").filter({ hasText: "AssumableAdmin" });
  await expect(group.locator("summary")).toHaveText(/^\d+ accounts$/);
  await group.getByRole("link", { name: "AssumableAdmin" }).click();
  await expect(page).toHaveURL(/roleName=AssumableAdmin/);

  // When they open the one in data-staging
  await page.locator("tbody tr").filter({ hasText: "data-staging" }).getByRole("link", { name: "AssumableAdmin" }).click();

  // Then "who can assume this" names the bastion account, marks the consultancy's account as outside, and reads the condition
  const trust = page.getByLabel("who can assume this role");
  await expect(trust.getByRole("link", { name: /account acme-bastion/ })).toHaveAttribute("href", /\/accounts\/334567890124/);
  const outside = trust.getByRole("list", { name: "principals" }).getByRole("listitem").filter({ hasText: "444455556666" });
  await expect(outside.getByText("outside the organization")).toBeVisible();
  await expect(outside.getByRole("link")).toHaveCount(0);
  await expect(trust.getByText(/caller ARN matches 'arn:aws:iam::334567890124:role\/aws-reserved\/sso\.amazonaws\.com/)).toBeVisible();
  await expect(trust).toContainText("Trusted by 2 accounts (1 outside the organization)");
  // And the raw JSON is one click away
  await trust.getByText("Trust policy JSON").click();
  await expect(page.getByLabel("trust policy", { exact: true })).toContainText('"Statement": [');
});

test("a role trusting a reserved SSO role names the permission set and links to it", async ({ page }) => {
  await page.goto("/iam/roles?roleName=PaymentsTeamRole");
  await expect(page.locator("tbody tr").first()).toContainText("1 permission set");
  await page.locator("tbody tr").filter({ hasText: "payments-dev" }).getByRole("link", { name: "PaymentsTeamRole" }).click();
  const principal = page.getByLabel("who can assume this role").getByRole("link", { name: /permission set Payments-Proxy/ });
  await principal.click();
  await expect(page).toHaveURL(/\/permission-sets\/detail\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payments-Proxy");
});

test("from the Identity Center users list, a person's page shows the accounts they reach and how", async ({ page }) => {
  // Given the users list, every user on one page
  await page.goto("/identity-center/users?pageSize=200");

  // When they open Oliver Grant (assigned AdministratorAccess on payments-prod directly)
  await page.getByRole("link", { name: "oliver.grant@", exact: false }).click();
  await expect(page).toHaveURL(/\/identity-center\/users\/[A-Za-z0-9-]+$/);

  // Then the page names the accounts reached, the direct assignment and the paths
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Oliver");
  const reached = page.getByRole("list", { name: "accounts reached" });
  await expect(reached.getByRole("link", { name: "payments-prod" })).toBeVisible();
  await expect(page.getByText(/Reaches \d+ accounts?/)).toBeVisible();
  const direct = page.locator("tr").filter({ hasText: "AdministratorAccess" }).filter({ hasText: "directly" });
  await expect(direct.getByRole("link", { name: "payments-prod" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Open findings \(\d+\)/ })).toBeVisible();
  await expect(page.getByText(/is assigned AdministratorAccess on account \d+ directly/)).toBeVisible();
});

test("an IAM user's page shows its access keys' age and last use, console and MFA state", async ({ page }) => {
  // Given the IAM users list
  await page.goto("/iam/users?search=jordan.lee");

  // When they open jordan.lee
  await page.getByRole("link", { name: "jordan.lee" }).click();
  await expect(page).toHaveURL(/\/iam\/users\/detail\?arn=/);

  // Then the key's age, its last use and the console/MFA state are shown
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("jordan.lee");
  const key = page.locator("tr").filter({ hasText: "access key 1" });
  await expect(key.getByText(/^(399|400|401) d old$/)).toBeVisible();
  await expect(key).toContainText(/13[01] d ago/);
  await expect(key).toContainText("ec2 in eu-west-1");
  await expect(page.getByRole("heading", { name: /Open findings \([1-9]\d*\)/ })).toBeVisible();
});
