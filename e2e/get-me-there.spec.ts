import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the demo organization global-setup seeds (e2e/support/seed-inventory.ts). Read-only: runs in
// parallel with the other specs. Grace Liu is a data engineer: Data-Proxy reaches DataTeamRole in
// data-dev and data-staging, but data-prod's DataTeamRole (the planted broken proxy chain) trusts the
// bastion account instead. Mia Novak's Payments-Proxy reaches PaymentsTeamRole in every payments account.

const DATA_ENGINEER = "grace.liu@acme-fintech.example";
const PAYMENTS_ENGINEER = "mia.novak@acme-fintech.example";
const DATA_PROD = "501234567891";
const BROKEN_TARGET = `arn:aws:iam::${DATA_PROD}:role/team/DataTeamRole`;

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
});

test("a person's page offers their AWS CLI config, with a chained profile for their proxy role", async ({ page }) => {
  // Given the payments engineer's page, opened from the users list
  await page.goto(`/identity-center/users?pageSize=200`);
  await page.getByRole("link", { name: PAYMENTS_ENGINEER }).first().click();
  // When the config is opened
  const panel = page.getByTestId("aws-config-panel");
  await expect(panel).toContainText("chained profile");
  await panel.getByText("Show the config").click();
  // Then it has the sso-session and the chained hop into PaymentsTeamRole from the proxy's sign-in profile
  const config = panel.getByLabel("AWS CLI config");
  await expect(config).toContainText("[sso-session vigil]");
  await expect(config).toContainText("[profile payments-prod.paymentsteamrole]");
  await expect(config).toContainText("source_profile = payments-prod.payments-proxy");
  await expect(panel.getByRole("link", { name: "Download" })).toHaveAttribute("download", /^aws-config-mia\.novak/);
});

test("the explain page names the broken trust of the demo's broken proxy chain, with the statement and the fix", async ({ page }) => {
  // Given the access page's link to the explainer
  await page.goto("/access");
  await page.getByRole("link", { name: "Why can't someone reach a role?" }).click();
  await expect(page).toHaveTitle(/Why can't I reach it\?/);
  // When a data engineer and data-prod's DataTeamRole are picked
  await page.getByLabel("Person or role").fill(DATA_ENGINEER);
  await page.getByLabel("Target role").fill(BROKEN_TARGET);
  await page.getByRole("button", { name: "Explain" }).click();
  // Then the verdict, the chain through her Data-Proxy role, the missing trust, the deciding statement and the fix are shown
  await expect(page.getByTestId("explain-verdict")).toContainText(`${DATA_ENGINEER} cannot reach DataTeamRole in data-prod`);
  const chain = page.getByRole("list", { name: "Chain" });
  await expect(chain).toContainText("Data-Proxy");
  await expect(chain).toContainText("✗ trust does not name it");
  await expect(page.getByTestId("explain-missing")).toContainText("TRUST_DOES_NOT_NAME");
  await expect(page.getByTestId("explain-missing")).toContainText(/does not name AWSReservedSSO_Data-Proxy_/);
  await expect(page.getByLabel("Deciding fragment")).toContainText(`arn:aws:iam::334567890124:root`);
  await expect(page.getByLabel("AWS CLI fix")).toContainText("aws iam update-assume-role-policy --role-name DataTeamRole");
});

test("the explain page shows the path when access exists, and a clear message for an unknown role", async ({ page }) => {
  const reachable = `arn:aws:iam::590123456780:role/team/PaymentsTeamRole`;
  await page.goto(`/access/explain?${new URLSearchParams({ principal: PAYMENTS_ENGINEER, role: reachable }).toString()}`);
  await expect(page.getByTestId("explain-verdict")).toContainText("can reach PaymentsTeamRole in payments-prod");
  await expect(page.getByRole("list", { name: "Chain" })).toContainText("Payments-Proxy");
  await page.goto(
    `/access/explain?${new URLSearchParams({ principal: PAYMENTS_ENGINEER, role: "arn:aws:iam::590123456780:role/Nope" }).toString()}`,
  );
  await expect(page.getByRole("alert").filter({ hasText: "no role" })).toContainText(
    'no role "arn:aws:iam::590123456780:role/Nope" in this snapshot',
  );
});
