import { signInThroughApi, test } from "./support/fixtures";
test("shots", async ({ page, state }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signInThroughApi(page, state, state.users.viewer);
  for (const [name, path] of [["accounts", "/accounts"], ["users", "/iam/users"], ["events", "/events"], ["snapshot", "/snapshots/1"], ["roles", "/iam/roles?type=sso"]]) {
    await page.goto(path!);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/invshots/${name}.png`, fullPage: false });
  }
  await page.goto("/iam/roles?type=custom");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/invshots/role.png`, fullPage: true });
  await page.goto("/permission-sets");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await page.screenshot({ path: `/tmp/invshots/ps.png`, fullPage: true });
});
