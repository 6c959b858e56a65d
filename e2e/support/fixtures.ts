import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Cookie, type Page } from "@playwright/test";
import { totpCode } from "../../lib/auth";
import { readState, TOTP_STEP_DIR, type E2eState, type LocalCredentials } from "./state";

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

const STEP_MS = 30_000;
/** Too little of the current step left for the code to reach the server while it is accepted. */
const MIN_MS_LEFT = 3_000;
// Longer than a holder can take: one wait for the clock (< one step) plus one sign-in request.
const STALE_LOCK_MS = 90_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock shared by every Playwright worker: creating a directory is atomic. */
async function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(TOTP_STEP_DIR, `${name}.lock`);
  mkdirSync(TOTP_STEP_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A worker that died holding the lock must not stall the rest of the run.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(25);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const keyOf = (secret: string) => createHash("sha256").update(secret).digest("hex").slice(0, 16);

/**
 * Runs `submit` with a TOTP code for a time step this user has not used yet, and holds every other
 * sign-in of the user (in any worker) until it is done. Vigil accepts each step once per user and
 * refuses any step not after the last one used, so parallel specs signing the same user in must
 * take steps in order. The current step is used if free, else the next one (Vigil accepts it
 * already); only a third sign-in within one step waits for the clock.
 */
export async function withFreshCode<T>(secret: string, submit: (code: string) => Promise<T>): Promise<T> {
  return withLock(keyOf(secret), () => submitWithFreshStep(secret, submit));
}

/** withFreshCode's body; the caller holds the user's lock. */
async function submitWithFreshStep<T>(secret: string, submit: (code: string) => Promise<T>): Promise<T> {
  const record = path.join(TOTP_STEP_DIR, `${keyOf(secret)}.step`);
  const last = existsSync(record) ? Number(readFileSync(record, "utf8")) : Number.NEGATIVE_INFINITY;
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / STEP_MS);
    const msLeft = (current + 1) * STEP_MS - now;
    const step = Math.max(msLeft < MIN_MS_LEFT ? current + 1 : current, last + 1);
    if (step <= current + 1) {
      writeFileSync(record, String(step));
      return submit(totpCode(secret, new Date(step * STEP_MS)));
    }
    test.info().setTimeout(test.info().timeout + msLeft);
    await sleep(msLeft + 100);
  }
}

/** A code that is none of the ones Vigil would accept now. */
export function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((offset) => totpCode(secret, new Date(now + offset * STEP_MS))));
  let candidate = 0;
  while (valid.has(String(candidate).padStart(6, "0"))) candidate++;
  return String(candidate).padStart(6, "0");
}

/**
 * Signs in through the auth API (not the form): for specs that are not about signing in. Each user
 * signs in once per run and later calls reuse that session (a saved storage state), because a TOTP
 * step signs a user in only once and many tests share a user.
 */
export async function signInThroughApi(page: Page, state: E2eState, user: LocalCredentials): Promise<void> {
  await withLock(keyOf(user.totpSecret), async () => {
    const saved = path.join(TOTP_STEP_DIR, `${keyOf(user.totpSecret)}.cookies.json`);
    if (existsSync(saved)) {
      await page.context().addCookies(JSON.parse(readFileSync(saved, "utf8")) as Cookie[]);
      const session = await page.request.get("/api/auth/get-session");
      if (session.ok() && (await session.json()) !== null) return;
      await page.context().clearCookies();
    }
    const headers = { origin: state.baseUrl, "content-type": "application/json" };
    const first = await page.request.post("/api/auth/sign-in/username", {
      headers,
      data: { username: user.username, password: user.password },
    });
    expect(first.ok(), await first.text()).toBe(true);
    const second = await submitWithFreshStep(user.totpSecret, (code) =>
      page.request.post("/api/auth/two-factor/verify-totp", { headers, data: { code } }),
    );
    expect(second.ok(), await second.text()).toBe(true);
    writeFileSync(saved, JSON.stringify(await page.context().cookies()), { mode: 0o600 });
  });
}

export async function signInWithForm(page: Page, user: LocalCredentials): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await withFreshCode(user.totpSecret, async (code) => {
    await page.getByLabel("Authentication code").fill(code);
    const verified = page.waitForResponse((response) => response.url().endsWith("/api/auth/two-factor/verify-totp"));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await verified;
  });
}
