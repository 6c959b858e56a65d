import { expect, signInThroughApi, test } from "./support/fixtures";

test("a viewer gets 403 on the admin page and on the admin API", async ({ page, state }) => {
  // Given a signed-in viewer
  await signInThroughApi(page, state, state.users.viewer);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-role")).toHaveText("viewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  // When they open the admin page, then they get the 403 page
  const refused = await page.goto("/admin/users");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "403 — Forbidden" })).toBeVisible();
  // When they POST to an admin route handler from the app's own origin, then 403 problem+json
  const answer = await page.evaluate(async () => {
    const response = await fetch("/api/admin/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "sneaky.viewer", role: "admin" }),
    });
    return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
  });
  expect(answer.status).toBe(403);
  expect(answer.type).toContain("application/problem+json");
  expect(answer.body).toMatchObject({ code: "FORBIDDEN" });
});

test("admin API mutations from another origin are refused", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.admin);
  const response = await page.request.post("/api/admin/users", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { username: "csrf.victim", role: "admin" },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ code: "CROSS_ORIGIN" });
});

test("signed-out visitors are sent to the sign-in page and the API answers 401", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login$/);
  const response = await page.request.get("/api/admin/users");
  expect(response.status()).toBe(401);
});
