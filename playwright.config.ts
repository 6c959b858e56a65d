import { defineConfig } from "@playwright/test";

/**
 * e2e against the production build (`next build` first; global-setup runs Vigil's web server, bin/vigil-web.mjs), a fresh
 * database and a real OIDC provider. The idp-outage project kills that provider, so it runs last.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  globalSetup: "./e2e/support/global-setup.ts",
  // Journeys sign users in (scrypt + TOTP) and render per-request pages on a 2-core CI machine with
  // three workers: 30 s was too tight for the longest. Every expectation keeps its own 10 s bound.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 3,
  retries: 0,
  reporter: [["list"]],
  use: {
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Break-glass must work with the IdP gone, so its journey runs in the outage project too.
    { name: "main", testIgnore: /(idp-outage|breakglass|reviews)\.spec\.ts/ },
    { name: "idp-outage", testMatch: /(idp-outage|breakglass)\.spec\.ts/, dependencies: ["main"] },
    // The reviews journey snapshots its own simulated organization mid-run: after main, whose specs read the latest
    // snapshot. Alone: `npx playwright test e2e/reviews.spec.ts --no-deps` (else main's specs run first).
    { name: "reviews", testMatch: /reviews\.spec\.ts/, dependencies: ["main"] },
  ],
});
