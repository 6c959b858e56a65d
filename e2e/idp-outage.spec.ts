import { expect, signInWithForm, test } from "./support/fixtures";

// Runs after every other spec (project "idp-outage" depends on "main"): it kills the IdP.
test("with the IdP down, the sign-in page loads, SSO fails clearly and local break-glass sign-in works", async ({ page, state }) => {
  // Given the OIDC provider is gone
  try {
    process.kill(state.oidcPid, "SIGKILL");
  } catch {
    // already stopped
  }
  await expect.poll(async () => (await fetch(state.oidcIssuer).catch(() => null)) === null).toBe(true);
  // When someone opens the sign-in page and tries SSO
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  // Then only that path fails, with a message pointing at the break-glass path
  await expect(page.getByTestId("sign-in-error")).toContainText("identity provider cannot be reached");
  // And a local break-glass account still signs in and pages load
  await signInWithForm(page, state.users.outage);
  await expect(page.getByTestId("signed-in-role")).toHaveText("admin");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});
