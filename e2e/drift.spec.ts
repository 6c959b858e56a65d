import { expect, signInThroughApi, test } from "./support/fixtures";

// Reads the drift global-setup seeds (e2e/support/seed-drift.ts): the demo's scripted change between
// its two snapshots. The one spec that approves a trust baseline; the viewer test does not depend on it.

const MEMBER = /^added zoe\.lambert@acme-fintech\.example in platform-engineers$/;

test("the drift page shows a widened trust, a new admin-group member and a longer session with who made each, and an approver approves the trust as baseline", async ({
  page,
  state,
}) => {
  await signInThroughApi(page, state, state.users.approver);

  // Given the drift between the last two snapshots
  await page.goto("/drift");
  await expect(page.getByRole("heading", { name: "Drift", level: 1 })).toBeVisible();
  await expect(page.getByLabel("summary")).toContainText("1 added");
  await expect(page.getByLabel("summary")).toContainText("2 changed");

  // Then the widened trust reads as one added statement naming the whole account, with who changed it
  const role = page.getByRole("article", { name: "changed DeployRole" });
  await expect(role.getByLabel("changes to DeployRole")).toContainText("trustPolicy.Statement[Sid=AllowWholeAccount]");
  await expect(role.getByLabel("changes to DeployRole")).toContainText(":root");
  const who = role.getByRole("table", { name: "Who changed it" });
  await expect(who).toContainText("UpdateAssumeRolePolicy");
  await expect(who).toContainText("lucas.moreau");
  await expect(who).toContainText("198.51.100.23");
  await expect(role.getByRole("link", { name: "DeployRole" })).toHaveAttribute(
    "href",
    /^\/iam\/roles\/detail\?snapshot=\d+&arn=arn%3Aaws%3Aiam%3A%3A\d{12}%3Arole%2Fautomation%2FDeployRole$/,
  );

  // And the new member of the admin group, and the session lengthened from 1 to 12 hours
  const member = page.getByRole("article", { name: MEMBER });
  await expect(member.getByRole("table", { name: "Who changed it" })).toContainText("CreateGroupMembership");
  await expect(member.getByRole("link", { name: /in platform-engineers/ })).toHaveAttribute("href", /^\/identity-center\/groups\//);
  const session = page.getByRole("article", { name: "changed AdministratorAccess" });
  await expect(session.getByLabel("changes to AdministratorAccess")).toContainText("sessionDuration PT1H → PT12H");
  await expect(session.getByRole("table", { name: "Who changed it" })).toContainText("UpdatePermissionSet");

  // When the approver approves the widened trust as the role's baseline
  const baseline = role.getByLabel("trust baseline of DeployRole");
  await expect(baseline).toContainText("the first version Vigil saw");
  await expect(baseline).toContainText("differs from baseline");
  await baseline.getByRole("button", { name: "Approve the trust policy of DeployRole as baseline" }).click();

  // Then the page, revalidated, shows who approved it and that the trust now matches its baseline — also after a reload
  await expect(baseline).toContainText(`approved by ${state.users.approver.username}`);
  await expect(baseline).toContainText("matches baseline");
  await page.reload();
  const approved = page.getByRole("article", { name: "changed DeployRole" }).getByLabel("trust baseline of DeployRole");
  await expect(approved).toContainText(`approved by ${state.users.approver.username}`);
  await expect(approved).toContainText("matches baseline");
  await expect(approved.getByRole("button")).toHaveCount(0);
});

test("a viewer sees the drift and the trust baseline but cannot approve it; a bad snapshot id explains itself", async ({ page, state }) => {
  await signInThroughApi(page, state, state.users.viewer);
  await page.goto("/drift");
  const role = page.getByRole("article", { name: "changed DeployRole" });
  await expect(role.getByLabel("trust baseline of DeployRole")).toContainText("Trust-policy baseline:");
  await expect(page.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  await page.goto("/drift?from=abc");
  await expect(page.getByRole("alert").filter({ hasText: "bad parameter" })).toContainText("from must be a snapshot id");
  await page.goto("/drift?from=99999&to=1");
  await expect(page.getByRole("alert").filter({ hasText: "cannot be compared" })).toContainText("snapshot 99999 does not exist");
});
