import { expect, signInThroughApi, test } from "./support/fixtures";

const cspOf = (headers: Record<string, string>) =>
  new Map((headers["content-security-policy"] ?? "").split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  expect(cspOf(headers).get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("same-origin");
  expect(headers["x-request-id"], `${what}: request id`).toMatch(/^[0-9a-f-]{36}$/);
  // The e2e server's public origin is http://127.0.0.1: HSTS would pin a plain-http host.
  expect(headers["strict-transport-security"], `${what}: no HSTS on http`).toBeUndefined();
}

test("a page, an API route and a static file all carry the security headers", async ({ request }) => {
  // Given the sign-in page
  const page = await request.get("/login");
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page.headers(), "/login");

  // Then its scripts carry the nonce of its own CSP, and no other
  const scriptSrc = cspOf(page.headers()).get("script-src") ?? [];
  const nonce = scriptSrc.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(scriptSrc).toContain("'strict-dynamic'");
  const html = await page.text();
  const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  // And a second response gets a different nonce
  const again = await request.get("/login");
  expect(cspOf(again.headers()).get("script-src")).not.toEqual(scriptSrc);

  // And API responses and static files carry the headers too
  expectSecurityHeaders((await request.get("/api/health")).headers(), "/api/health");
  expectSecurityHeaders((await request.get("/api/auth/get-session")).headers(), "/api/auth/get-session");
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk, "a static script on /login").toBeTruthy();
  expectSecurityHeaders((await request.get(chunk!)).headers(), chunk!);
});

test("the events page and its chart run under the CSP without a violation", async ({ page, state }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInThroughApi(page, state, state.users.viewer);

  // When a viewer opens the events page, whose filters are client-side React
  await page.goto("/events");
  await expect(page.getByRole("heading", { name: "Events" })).toBeVisible();
  // React hydrated the page: every chunk loaded and ran (a blocked script leaves the HTML inert).
  await page.waitForFunction(() => {
    const heading = document.querySelector("h1");
    return heading !== null && Object.keys(heading).some((key) => key.startsWith("__reactFiber"));
  });

  // Then the browser refused nothing
  expect(violations).toEqual([]);
});

test("/events with an impossible or out-of-range date answers 400 naming the parameter", async ({ request }) => {
  for (const [query, message] of [
    ["from=0000-01-01", 'from must be between 1970-01-01 and 9999-12-30 (got "0000-01-01")'],
    ["to=99999-01-01", 'to must be a date like 2025-01-31 (got "99999-01-01")'],
    ["from=2026-13-45", 'from must be a date like 2025-01-31 (got "2026-13-45")'],
  ] as const) {
    const response = await request.get(`/events?${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(400);
    expect(await response.text(), query).toContain(message.replaceAll('"', "&#34;"));
    expectSecurityHeaders(response.headers(), `/events?${query}`);
  }
});

test("/events over fifty years shows the page (charting its last days) instead of a server error", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
  const response = await page.goto("/events?from=1975-01-01&to=2025-01-01");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Events" })).toBeVisible();
  await expect(page.getByText(/AssumeRole activity per day/)).toBeVisible();
});

test("a failed admin action shows the request id its log line carries", async ({ page, state }) => {
  // Given an admin on the users page and a username that is already taken
  await signInThroughApi(page, state, state.users.admin);
  await page.goto("/admin/users");
  const taken = state.users.viewer.username;

  // When they try to create a user under that name
  await page.getByLabel("New user username").fill(taken);
  await page.getByLabel("New user role").selectOption("viewer");
  await page.getByRole("button", { name: "Create local user" }).click();

  // Then the refusal names the request it was logged under
  await expect(page.getByRole("alert").filter({ hasText: taken })).toContainText(
    /\(request id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)/,
  );
});
