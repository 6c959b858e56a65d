import { expect, signInWithForm, test, wrongCode } from "./support/fixtures";

test("a local break-glass user signs in with password and TOTP", async ({ page, state }) => {
  // Given the sign-in page offers SSO and, below it, the local break-glass path
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in with Test IdP" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "IdP unavailable? Sign in with a local break-glass account" })).toBeVisible();
  // When an admin signs in with password, then code (a user of its own: other specs sign "admin" in)
  await signInWithForm(page, state.users.signIn);
  // Then
  await expect(page).toHaveURL(`${state.baseUrl}/`);
  await expect(page.getByTestId("signed-in-user")).toHaveText(state.users.signIn.username);
  await expect(page.getByTestId("signed-in-role")).toHaveText("admin");
  // And sign-out revokes the session
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong TOTP code is refused", async ({ page, state }) => {
  const user = state.users.wrongCode;
  await page.goto("/login");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
  // The code step starts empty: the typed password never reappears in a clear-text field
  await expect(page.getByLabel("Authentication code")).toHaveValue("");
  await page.getByLabel("Authentication code").fill(wrongCode(user.totpSecret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Wrong code");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password is refused without saying which part was wrong", async ({ page, state }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill(state.users.wrongCode.username);
  await page.getByLabel("Password").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong username or password.");
});
