import AxeBuilder from "@axe-core/playwright";
import { expect, signInThroughApi, test } from "./support/fixtures";
import { MAIN_PAGES } from "./support/main-pages";

// The main pages under axe (WCAG 2 A and AA) and as screenshots at desktop and phone widths. The
// screenshots go to testInfo.outputPath (Playwright's outputDir, test-results/playwright/…), which
// CI keeps as the run's artifacts.

test.beforeEach(async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.admin);
});

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const { path } of MAIN_PAGES) {
  test(`${path} has no serious or critical accessibility violation, and fits 1280 px and 390 px`, async ({ page }, testInfo) => {
    // Three loads, a full axe run and two full-page screenshots of long lists: triple the 60 s bound.
    test.slow();
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();

    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const report = serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
    expect(report, `axe on ${path}`).toEqual([]);

    const slug = path === "/" ? "dashboard" : path.slice(1).replaceAll("/", "-");
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`screenshots/${slug}-${size.width}.png`), fullPage: true });
      if (size.width === 390) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
      }
    }
  });
}
