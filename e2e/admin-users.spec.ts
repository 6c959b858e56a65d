import { expect, signInThroughApi, signInWithForm, test } from "./support/fixtures";

function readSecret(text: string, label: string): string {
  const line = text.split("\n").find((candidate) => candidate.startsWith(label));
  if (!line) throw new Error(`no "${label}" line in ${text}`);
  return line.slice(label.length).trim();
}

test("an admin creates a local user who can sign in at once with the credentials shown once", async ({ page, browser, state }) => {
  // Given a signed-in admin on the users page
  await signInThroughApi(page, state, state.users.admin);
  await page.goto("/admin/users");
  const username = `new.op.${Date.now() % 1_000_000}`;
  // When they create a breakglass-operator
  await page.getByLabel("New user username").fill(username);
  await page.getByLabel("New user role").selectOption("breakglass-operator");
  await page.getByRole("button", { name: "Create local user" }).click();
  // Then the password and TOTP secret are shown once
  const secrets = page.getByTestId("secrets-once");
  await expect(secrets).toContainText("otpauth://totp/Vigil:");
  const text = (await secrets.textContent()) ?? "";
  const credentials = { username, password: readSecret(text, "password:"), totpSecret: readSecret(text, "TOTP secret:") };
  await expect(page.getByTestId(`user-row-${username}`)).toContainText("enrolled");
  // And the new user signs in with them in a fresh browser
  const context = await browser.newContext({ baseURL: state.baseUrl });
  const newcomer = await context.newPage();
  await signInWithForm(newcomer, credentials);
  await expect(newcomer.getByTestId("signed-in-role")).toHaveText("breakglass-operator");
  await context.close();
});
