import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { createDb, type PrismaClient } from "../lib/db";
import { approveCheckout, requestCheckout, returnCheckout, revealCheckout, type CheckoutUser } from "../lib/breakglass";
import { deliverDueNotifications } from "../lib/notify";
import { readCredentialSecrets, registerCredential } from "../lib/vault";
import { databaseText, leakedSecrets } from "../lib/vault/testing/database-text";
import { startBreakglassSim, type BreakglassSim } from "./support/breakglass-sim";
import { expect, signInThroughApi, test, withFreshCode, wrongCode } from "./support/fixtures";
import type { E2eState, LocalCredentials } from "./support/state";
import { startWebhookReceiver } from "./support/webhook-receiver";

// Runs in the IdP-outage project (playwright.config.ts): the whole checkout uses local accounts only.
// The web server never calls AWS here; the spec plays the rotation worker and the CloudTrail
// ingestion against its own simulator, with the vault key global-setup gave the web server.

async function killIdp(state: E2eState): Promise<void> {
  try {
    process.kill(state.oidcPid, "SIGKILL");
  } catch {
    // already stopped (idp-outage.spec.ts kills it too)
  }
  await expect.poll(async () => (await fetch(state.oidcIssuer).catch(() => null)) === null).toBe(true);
}

async function signedIn(browser: Browser, state: E2eState, user: LocalCredentials): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.baseUrl });
  const page = await context.newPage();
  await signInThroughApi(page, state, user);
  return page;
}

/** A local account of the run as lib/breakglass sees a signed-in user. */
async function checkoutUser(db: PrismaClient, user: LocalCredentials, role: CheckoutUser["role"]): Promise<CheckoutUser> {
  const row = await db.user.findFirstOrThrow({ where: { username: user.username }, select: { id: true } });
  return { id: row.id, displayName: user.username, role, method: "LOCAL" };
}

let bg: BreakglassSim;
let db: PrismaClient;

test.beforeEach(async ({ state }) => {
  bg = await startBreakglassSim();
  db = createDb(state.databaseUrl, { maxConnections: 2 });
  await killIdp(state);
});
test.afterEach(async () => {
  await db?.$disconnect();
  await bg?.close();
});

test("with the IdP down: an operator requests, an approver approves, the operator reveals once and returns, the key is rotated, and the approver reviews the window's CloudTrail", async ({
  browser,
  state,
}) => {
  test.setTimeout(180_000);
  const reference = `INC-${randomBytes(3).toString("hex")}`;
  const oldPassword = `Old-Console-${randomBytes(6).toString("hex")}!`;
  const startedAt = new Date();

  // Given an admin registers the break-glass user through the form, secrets in password inputs
  const admin = await signedIn(browser, state, state.users.admin);
  await admin.goto("/breakglass");
  const register = admin.getByRole("form", { name: "Register a break-glass credential" });
  await register.getByLabel("Account id").fill(bg.accountId);
  await register.getByLabel("IAM user name").fill(bg.userName);
  await register.getByLabel("Console password").fill(oldPassword);
  await register.getByLabel("Access key id").fill(bg.key.accessKeyId);
  await register.getByLabel("Secret access key").fill(bg.key.secretAccessKey);
  await register.getByLabel("MFA device (where it is kept)").fill("YubiKey in the safe, shelf 2");
  await register.getByRole("button", { name: "Register credential" }).click();
  await expect(register.getByRole("status")).toContainText(`Registered ${bg.userName}`);
  // Then nothing echoes the secrets back
  await expect(register.getByLabel("Secret access key")).toHaveValue("");
  expect(await admin.content()).not.toContain(bg.key.secretAccessKey);
  await admin.reload();
  await expect(admin.getByTestId(`credential-${bg.userName}`)).toContainText("available");

  // When the operator requests it for an incident
  const operator = await signedIn(browser, state, state.users.operator);
  await operator.goto("/breakglass");
  const request = operator.getByRole("form", { name: "Request a checkout" });
  await request.getByLabel("Credential").selectOption({ label: `${bg.userName} (${bg.accountId})` });
  await request.getByLabel("Reason").fill("payments API down; a role's trust policy must be fixed by hand");
  await request.getByLabel("Incident or ticket reference").fill(reference);
  await request.getByLabel(/^Duration/).fill("30");
  await request.getByRole("button", { name: "Request checkout" }).click();
  // (the credential is spoken for at once; the history row is the stable way in, the form's answer is transient)
  const historyRow = operator.getByTestId("breakglass-history").getByRole("row", { name: new RegExp(reference) });
  await expect(historyRow).toContainText("requested");
  await historyRow.getByRole("link").first().click();
  await operator.waitForURL(/\/breakglass\/checkouts\/[^/]+$/);
  await expect(operator.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("requested");
  const checkoutUrl = new URL(operator.url()).pathname;
  const checkoutId = checkoutUrl.split("/").pop()!;
  // And the operator cannot reveal before an approval
  await expect(operator.getByRole("button", { name: "Reveal secret (once)" })).toHaveCount(0);

  // And an approver approves it from the queue
  const approver = await signedIn(browser, state, state.users.approver);
  await approver.goto("/breakglass");
  await approver.getByTestId(`approval-${reference}`).getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByTestId("breakglass-history").getByRole("row", { name: new RegExp(reference) })).toContainText("approved");

  // Then the checkout page is never cached and carries no secret in its HTML
  const page = await operator.goto(checkoutUrl);
  expect(page!.headers()["cache-control"]).toContain("no-store");
  expect(await page!.text()).not.toContain(bg.key.secretAccessKey);
  await expect(operator.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("approved");

  // When the operator reveals the secret: shown once, with a countdown and a copy button
  await operator.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: state.baseUrl });
  await operator.getByRole("button", { name: "Reveal secret (once)" }).click();
  await expect(operator.getByTestId("revealed-secret-access-key")).toHaveText(bg.key.secretAccessKey);
  await expect(operator.getByTestId("revealed-access-key-id")).toHaveText(bg.key.accessKeyId);
  await expect(operator.getByTestId("revealed-password")).toHaveText(oldPassword);
  await expect(operator.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("active");
  await expect(operator.getByTestId("countdown")).toHaveText(/^(29|30):\d\d$/);
  await operator.getByRole("button", { name: "Copy Secret access key" }).click();
  expect(await operator.evaluate(() => navigator.clipboard.readText())).toBe(bg.key.secretAccessKey);

  // And uses it in AWS during the window (at once: the window is widened to CloudTrail's whole seconds)
  expect(await bg.whoAmI(bg.key)).toEqual({ arn: `arn:aws:iam::${bg.accountId}:user/${bg.userName}` });
  await bg.actAs(bg.key);

  // Then once hidden it cannot be shown again: a second reveal is refused by the server
  await operator.getByRole("button", { name: "Hide now" }).click();
  await expect(operator.getByTestId("reveal-hidden")).toBeVisible();
  await operator.getByRole("button", { name: "Reveal secret (once)" }).click();
  await expect(operator.getByTestId("reveal-panel").getByRole("alert")).toContainText("a checkout reveals it once");
  await expect(operator.getByTestId("revealed-secret-access-key")).toHaveCount(0);
  const reloaded = await operator.goto(checkoutUrl);
  expect(await reloaded!.text()).not.toContain(bg.key.secretAccessKey);

  // When the operator returns it, the page says it is critical until rotated
  await operator.getByRole("button", { name: "Return the credential" }).click();
  await expect(operator.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("returned");
  await expect(operator.getByTestId("rotation-status")).toContainText("CRITICAL: not rotated yet");

  // And the rotation worker rotates it through IAM (run here against the simulator)
  const rotated = await bg.rotate(db, checkoutId);
  expect(rotated.status).toBe("rotated");
  const current = await readCredentialSecrets(db, rotated.credentialId);
  // Then AWS refuses the old key and accepts the new one
  expect(current.accessKeyId).not.toBe(bg.key.accessKeyId);
  expect(await bg.whoAmI(bg.key)).toEqual({ error: "InvalidClientTokenId" });
  expect(await bg.whoAmI({ accessKeyId: current.accessKeyId!, secretAccessKey: current.secretAccessKey! })).toEqual({
    arn: `arn:aws:iam::${bg.accountId}:user/${bg.userName}`,
  });

  // When CloudTrail is ingested and the approver opens the checkout for the review
  expect(await bg.ingest(db, new Date(startedAt.getTime() - 60_000))).toBeGreaterThan(0);
  await approver.goto(checkoutUrl);
  await expect(approver.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("rotated");
  await expect(approver.getByTestId("rotation-status")).toContainText("rotated");
  // Then the window's events of the break-glass user are listed
  await expect(approver.getByTestId("checkout-activity").getByRole("row", { name: /AssumeRole/ })).toHaveCount(1);
  await approver.getByLabel("Review note").fill("One AssumeRole attempt, refused; nothing else. Fine.");
  await approver.getByRole("button", { name: "Sign off the review" }).click();
  await expect(approver.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("reviewed");
  await expect(approver.getByTestId("checkout-history")).toContainText("review");

  // And no secret, old or new, is anywhere in the database
  const dump = await databaseText(db);
  expect(leakedSecrets(dump, [oldPassword, bg.key.secretAccessKey, current.password!, current.secretAccessKey!].filter(Boolean))).toEqual(
    [],
  );
});

test("emergency: an operator self-approves with a TOTP re-entry (a wrong code refused), every approver is told through the webhook, and the review is mandatory", async ({
  browser,
  state,
}) => {
  test.setTimeout(120_000);
  const reference = `SEV1-${randomBytes(3).toString("hex")}`;
  const receiver = await startWebhookReceiver();
  try {
    // Given a registered break-glass credential
    await registerCredential(
      db,
      { accountId: bg.accountId, iamUserName: bg.userName, maxCheckoutMinutes: 60, ...bg.key },
      { actor: { type: "system", name: "e2e" } },
    );
    const user = state.users.emergencyOperator;
    const operator = await signedIn(browser, state, user);
    await operator.goto("/breakglass");
    const request = operator.getByRole("form", { name: "Request a checkout" });
    await request.getByLabel("Credential").selectOption({ label: `${bg.userName} (${bg.accountId})` });
    await request.getByLabel("Reason").fill("production on fire, IdP down");
    await request.getByLabel("Incident or ticket reference").fill(reference);
    await request.getByLabel("Emergency: self-approve now").check();
    // When a wrong TOTP code is given, nothing is requested
    await request.getByLabel("TOTP code (re-enter to self-approve)").fill(wrongCode(user.totpSecret));
    await request.getByRole("button", { name: "Request and self-approve" }).click();
    await expect(request.getByRole("alert")).toContainText("TOTP code is wrong");
    // When the operator re-enters a valid code
    await withFreshCode(user.totpSecret, async (code) => {
      await request.getByLabel("Reason").fill("production on fire, IdP down");
      await request.getByLabel("Incident or ticket reference").fill(reference);
      await request.getByLabel("Emergency: self-approve now").check();
      await request.getByLabel("TOTP code (re-enter to self-approve)").fill(code);
      await request.getByRole("button", { name: "Request and self-approve" }).click();
      await expect(operator.getByTestId("breakglass-history").getByRole("row", { name: new RegExp(reference) })).toContainText("emergency");
    });
    // Then the checkout is approved by its own requester, flagged, with a mandatory review
    await operator
      .getByTestId("breakglass-history")
      .getByRole("row", { name: new RegExp(reference) })
      .getByRole("link")
      .first()
      .click();
    await operator.waitForURL(/\/breakglass\/checkouts\/[^/]+$/);
    await expect(operator.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("emergency");
    await expect(operator.getByText("mandatory (emergency)")).toBeVisible();
    const checkoutId = new URL(operator.url()).pathname.split("/").pop()!;

    // And the notification reaches the webhook, naming the emergency and linking the checkout
    await deliverDueNotifications(db, {
      webhookUrl: receiver.url,
      smtpFrom: "vigil@localhost",
      emailTo: [],
      timeoutMs: 5_000,
      maxAttempts: 3,
      baseUrl: state.baseUrl,
    });
    const messages = receiver.bodies.map((body) => JSON.stringify(body)).filter((text) => text.includes(reference));
    expect(messages.some((text) => text.includes("EMERGENCY") && text.includes(`/breakglass/checkouts/${checkoutId}`))).toBe(true);
    expect(messages.join("\n")).not.toContain(bg.key.secretAccessKey);
  } finally {
    await receiver.close();
  }
});

test("IAM refusing the rotation leaves the checkout rotation-pending, shown CRITICAL on its page, the break-glass page and the dashboard until a retry succeeds", async ({
  browser,
  state,
}) => {
  test.setTimeout(120_000);
  // Given a returned checkout (set up through lib/breakglass: the pages are the subject here)
  const credential = await registerCredential(
    db,
    { accountId: bg.accountId, iamUserName: bg.userName, maxCheckoutMinutes: 60, ...bg.key },
    { actor: { type: "system", name: "e2e" } },
  );
  const operator = await checkoutUser(db, state.users.operator, "breakglass-operator");
  const approverUser = await checkoutUser(db, state.users.approver, "approver");
  const reference = `INC-${randomBytes(3).toString("hex")}`;
  const checkout = await requestCheckout(db, operator, { credentialId: credential.id, reason: "hotfix", reference, durationMinutes: 10 });
  await approveCheckout(db, approverUser, checkout.id);
  await revealCheckout(db, operator, checkout.id);
  await returnCheckout(db, operator, checkout.id);
  // When IAM denies everything in the account and the rotation runs
  bg.sim.admin.setFaults({ accessDeniedAccounts: [bg.accountId] });
  expect((await bg.rotate(db, checkout.id)).status).toBe("rotation-pending");

  // Then its page, the break-glass page and the dashboard show it as critical, never as safe
  const approver = await signedIn(browser, state, state.users.approver);
  await approver.goto(`/breakglass/checkouts/${checkout.id}`);
  await expect(approver.getByRole("heading", { level: 1 }).getByTestId("checkout-status")).toHaveText("CRITICAL: rotation pending");
  await expect(approver.getByTestId("rotation-status")).toContainText("AccessDenied");
  await approver.goto("/breakglass");
  await expect(approver.getByTestId("rotation-problems")).toContainText(`${bg.userName} (${bg.accountId})`);
  await approver.goto("/");
  const card = approver.getByTestId("dashboard-breakglass");
  await expect(card.getByRole("heading", { name: "Break-glass" })).toBeVisible();
  await expect(card.locator(`a[href="/breakglass/checkouts/${checkout.id}"]`)).toHaveText("rotation-pending");
  await expect(card).toContainText("CRITICAL");

  // When IAM answers again and the retry succeeds, it leaves the critical list
  bg.sim.admin.setFaults({});
  expect((await bg.rotate(db, checkout.id)).status).toBe("rotated");
  await approver.reload();
  await expect(card.locator(`a[href="/breakglass/checkouts/${checkout.id}"]`)).toHaveCount(0);
  await approver.goto(`/breakglass/checkouts/${checkout.id}`);
  await expect(approver.getByTestId("rotation-status")).toContainText("rotated");
});
