import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

async function signInAtIdp(page: Page, login: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  // The provider's own login page (oidc-provider dev interactions).
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("an IdP user in vigil-admins signs in through SSO, becomes admin and sees the Admin nav", async ({ page, state }) => {
  // Given alice is in the vigil-admins group at the IdP
  // When she signs in through SSO
  await signInAtIdp(page, state.ssoUsers.alice.login);
  // Then Vigil maps the group to the admin role
  await expect(page).toHaveURL(`${state.baseUrl}/`);
  await expect(page.getByTestId("signed-in-role")).toHaveText("admin");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await expect(page.getByTestId("user-row-alice@example.com")).toContainText("SSO");
});

test("an IdP user in vigil-viewers becomes a viewer without the Admin nav", async ({ page, state }) => {
  await signInAtIdp(page, state.ssoUsers.victor.login);
  await expect(page.getByTestId("signed-in-role")).toHaveText("viewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
});

test("an IdP user in no mapped group is refused with a clear message", async ({ page, state }) => {
  await signInAtIdp(page, state.ssoUsers.mallory.login);
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByTestId("sign-in-error")).toContainText("no group that grants access to Vigil");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});
