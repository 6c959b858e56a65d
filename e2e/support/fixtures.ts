import { test as base, expect, type Page } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp";
import { readState, type E2eState, type LocalCredentials } from "./state";

export { expect };

export const test = base.extend<{ state: E2eState }>({
  // Playwright reads a fixture's dependencies from this (empty) destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  state: async ({}, use) => {
    await use(readState());
  },
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(readState().baseUrl);
  },
});

/** A TOTP code for the next 30-second step if the current one is about to expire. */
export function freshCode(secret: string): string {
  const msLeft = 30_000 - (Date.now() % 30_000);
  return totpCode(secret, msLeft < 3_000 ? new Date(Date.now() + msLeft + 100) : new Date());
}

/** Signs in through the auth API (not the form): for specs that are not about signing in. */
export async function signInThroughApi(page: Page, state: E2eState, user: LocalCredentials): Promise<void> {
  const headers = { origin: state.baseUrl, "content-type": "application/json" };
  const first = await page.request.post("/api/auth/sign-in/username", {
    headers,
    data: { username: user.username, password: user.password },
  });
  expect(first.ok(), await first.text()).toBe(true);
  const second = await page.request.post("/api/auth/two-factor/verify-totp", {
    headers,
    data: { code: freshCode(user.totpSecret) },
  });
  expect(second.ok(), await second.text()).toBe(true);
}

export async function signInWithForm(page: Page, user: LocalCredentials): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Authentication code").fill(freshCode(user.totpSecret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}
