import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuditDetailError } from "../audit";
import { useTestDatabase } from "../testing/use-test-database";
import { startSilentTcpServer, type SilentTcpServer } from "../testing/silent-tcp-server";
import { deliverDueNotifications } from "./deliver-due-notifications";
import { enqueueNotification } from "./enqueue-notification";
import { listNotificationFailures } from "./list-notification-failures";
import type { NotificationEventInput } from "./notification-event";
import type { NotifySettings } from "./notify-settings";
import { startSmtpReceiver, type SmtpReceiver } from "./testing/smtp-receiver";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";

const database = useTestDatabase();

// Planted values that must never leave Vigil in a notification.
const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

const event = (overrides: Partial<NotificationEventInput> = {}): NotificationEventInput => ({
  kind: "checkout.requested",
  occurredAt: new Date("2026-12-01T10:00:00Z"),
  credential: { id: "cred-1", accountId: "111122223333", iamUserName: "breakglass-admin" },
  checkout: { id: "co-1", reason: "prod DB down <!channel> & more", reference: "INC-42", durationMinutes: 60 },
  actor: "olga",
  ...overrides,
});

let webhook: WebhookReceiver;
let smtp: SmtpReceiver;
let silent: SilentTcpServer;

const settings = (overrides: Partial<NotifySettings> = {}): NotifySettings => ({
  webhookUrl: webhook.url,
  smtpUrl: smtp.url,
  smtpFrom: "Vigil <vigil@example.com>",
  emailTo: ["oncall@example.com"],
  timeoutMs: 2_000,
  maxAttempts: 3,
  baseUrl: "https://vigil.example.com",
  ...overrides,
});

beforeAll(async () => {
  [webhook, smtp, silent] = await Promise.all([startWebhookReceiver(), startSmtpReceiver(), startSilentTcpServer()]);
});
afterAll(async () => {
  await Promise.all([webhook?.close(), smtp?.close(), silent?.close()]);
});

beforeEach(async () => {
  await database.db.notification.deleteMany();
  await database.db.user.deleteMany();
  webhook.bodies.length = 0;
  webhook.answerWith(200);
  smtp.mails.length = 0;
  smtp.rejectDataWith(null);
});

describe("enqueueNotification", () => {
  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      database.db.$transaction(async (tx) => {
        await enqueueNotification(tx, event());
        throw new Error("the checkout transition failed");
      }),
    ).rejects.toThrow("the checkout transition failed");
    expect(await database.db.notification.count()).toBe(0);
  });

  it("stores one pending delivery per channel with the event's ids, names and link", async () => {
    const { id } = await database.db.$transaction((tx) => enqueueNotification(tx, event()));
    const row = await database.db.notification.findUniqueOrThrow({ where: { id }, include: { deliveries: true } });
    expect(row.kind).toBe("checkout.requested");
    expect(row.payload).toMatchObject({ link: "/breakglass/checkouts/co-1", credential: { iamUserName: "breakglass-admin" } });
    expect(row.deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      ["EMAIL", "PENDING"],
      ["WEBHOOK", "PENDING"],
    ]);
  });

  it("refuses a fact whose key names a secret, and redacts secret-looking text", async () => {
    await expect(enqueueNotification(database.db, event({ facts: { secretAccessKey: AWS_SECRET } }))).rejects.toBeInstanceOf(
      AuditDetailError,
    );
    const { id } = await enqueueNotification(database.db, event({ checkout: { id: "co-2", reason: `pasted ${AWS_SECRET} by mistake` } }));
    const row = await database.db.notification.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row.payload)).not.toContain(AWS_SECRET);
    expect(JSON.stringify(row.payload)).toContain("[redacted]");
  });

  it("refuses an unknown kind, naming the field", async () => {
    await expect(enqueueNotification(database.db, event({ kind: "checkout.bogus" as never }))).rejects.toThrow(/kind/);
  });
});

describe("deliverDueNotifications", () => {
  it("posts a Slack-compatible message to the webhook and mails the configured recipients", async () => {
    // Given a request, when the outbox is drained
    await enqueueNotification(
      database.db,
      event({ checkout: { id: "co-3", reason: `prod <!channel> & ${AWS_SECRET}`, reference: "INC-42" } }),
    );
    const summary = await deliverDueNotifications(database.db, settings());

    // Then the webhook got {text, blocks} with the link and escaped user text, and no secret
    expect(summary).toEqual({ attempted: 2, sent: 2, retrying: 0, failed: 0, notConfigured: 0 });
    expect(webhook.bodies).toHaveLength(1);
    const body = webhook.bodies[0] as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(body.text).toContain("Break-glass checkout requested for breakglass-admin (account 111122223333)");
    expect(body.text).toContain("https://vigil.example.com/breakglass/checkouts/co-3");
    const blocksText = JSON.stringify(body.blocks);
    expect(blocksText).toContain("&lt;!channel&gt; &amp;");
    expect(blocksText).not.toContain("<!channel>");
    expect(JSON.stringify(body)).not.toContain(AWS_SECRET);

    // And the mail went through the SMTP client path with authentication, to the configured address
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail).toMatchObject({ from: "vigil@example.com", to: ["oncall@example.com"], authenticatedAs: "vigil-mailer" });
    expect(mail.data).toMatch(/^Subject: \[Vigil\] Break-glass checkout requested/m);
    expect(mail.data).toContain("Incident/ticket: INC-42");
    expect(mail.data).not.toContain(AWS_SECRET);

    // And each attempt is recorded as sent
    const attempts = await database.db.notificationAttempt.findMany();
    expect(attempts.map((a) => a.outcome)).toEqual(["SENT", "SENT"]);
    expect(await database.db.notificationDelivery.count({ where: { status: "SENT", sentAt: { not: null } } })).toBe(2);
    expect(await deliverDueNotifications(database.db, settings())).toMatchObject({ attempted: 0 });
  });

  it("mails an emergency to every approver and admin with a real address, not to viewers or placeholder addresses", async () => {
    await database.db.user.createMany({
      data: [
        { name: "Alice", email: "alice@example.com", role: "APPROVER" },
        { name: "Root", email: "root@example.com", role: "ADMIN" },
        { name: "Bob", email: "bob@local.vigil.invalid", role: "APPROVER", isLocal: true },
        { name: "Vic", email: "vic@example.com", role: "VIEWER" },
        { name: "Olga", email: "olga@example.com", role: "BREAKGLASS_OPERATOR" },
      ],
    });
    const olga = await database.db.user.findUniqueOrThrow({ where: { email: "olga@example.com" } });
    await enqueueNotification(database.db, event({ kind: "checkout.emergency" }));
    await enqueueNotification(database.db, event({ kind: "checkout.revealed" }));
    await deliverDueNotifications(database.db, settings({ emailTo: [] }));

    // Only the emergency has recipients when no VIGIL_NOTIFY_EMAIL_TO is set and no audience is named
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to.sort()).toEqual(["alice@example.com", "root@example.com"]);
    expect(smtp.mails[0]!.data).toContain("EMERGENCY break-glass checkout");

    // An approval told to its requester reaches only them; an expiry told to approvers reaches the approvers
    await enqueueNotification(
      database.db,
      event({ kind: "checkout.approved", audience: "requester", checkout: { id: "co-9", requesterId: olga.id } }),
    );
    await enqueueNotification(database.db, event({ kind: "checkout.expired", audience: "approvers" }));
    await deliverDueNotifications(database.db, settings({ emailTo: [] }));
    expect(smtp.mails.slice(1).map((mail) => mail.to.sort())).toEqual(
      expect.arrayContaining([["olga@example.com"], ["alice@example.com", "root@example.com"]]),
    );
    const revealed = await database.db.notificationDelivery.findFirstOrThrow({
      where: { channel: "EMAIL", notification: { kind: "checkout.revealed" } },
    });
    expect(revealed).toMatchObject({ status: "NOT_CONFIGURED", lastError: "no recipients (VIGIL_NOTIFY_EMAIL_TO is not set)" });
  });

  it("retries a failing webhook with back-off, then marks it failed and lists it, never naming the URL", async () => {
    // Given a webhook answering 500
    webhook.answerWith(500);
    await enqueueNotification(database.db, event({ kind: "rotation.failed", facts: { errorCode: "AccessDenied" } }));
    const start = new Date();
    const at = (ms: number) => () => new Date(start.getTime() + ms);
    const onlyWebhook = settings({ smtpUrl: undefined });

    // When drained: the first failure is retried after 30 s, not before
    expect(await deliverDueNotifications(database.db, onlyWebhook, { now: at(0) })).toMatchObject({
      attempted: 2,
      retrying: 1,
      notConfigured: 1,
    });
    expect(await deliverDueNotifications(database.db, onlyWebhook, { now: at(29_000) })).toMatchObject({ attempted: 0 });
    const retrying = await listNotificationFailures(database.db);
    expect(retrying).toHaveLength(1);
    expect(retrying[0]).toMatchObject({
      state: "retrying",
      channel: "WEBHOOK",
      attemptCount: 1,
      lastError: "webhook answered HTTP 500",
      kind: "rotation.failed",
    });
    expect(retrying[0]!.nextAttemptAt?.getTime()).toBe(start.getTime() + 30_000);

    // And the second failure waits 60 s; the third is the last
    expect(await deliverDueNotifications(database.db, onlyWebhook, { now: at(30_000) })).toMatchObject({ attempted: 1, retrying: 1 });
    expect(await deliverDueNotifications(database.db, onlyWebhook, { now: at(89_000) })).toMatchObject({ attempted: 0 });
    expect(await deliverDueNotifications(database.db, onlyWebhook, { now: at(90_000) })).toMatchObject({ attempted: 1, failed: 1 });
    expect(await deliverDueNotifications(database.db, onlyWebhook, { now: at(10 * 60_000) })).toMatchObject({ attempted: 0 });

    // Then the failure is visible, each attempt recorded, and nothing names the webhook's token
    const failures = await listNotificationFailures(database.db);
    expect(failures).toEqual([
      expect.objectContaining({
        state: "failed",
        attemptCount: 3,
        title: expect.stringContaining("Rotation FAILED for breakglass-admin"),
        nextAttemptAt: null,
      }),
    ]);
    expect(await database.db.notificationAttempt.count({ where: { outcome: "FAILED" } })).toBe(3);
    expect(webhook.bodies).toHaveLength(3);
    expect(JSON.stringify(await database.db.notificationAttempt.findMany({ select: { error: true } }))).not.toContain("secretwebhooktoken");
  });

  it("records an unconfigured channel once as not configured, without retries or a failure", async () => {
    await enqueueNotification(database.db, event());
    const none = settings({ webhookUrl: undefined, smtpUrl: undefined });
    expect(await deliverDueNotifications(database.db, none)).toEqual({ attempted: 2, sent: 0, retrying: 0, failed: 0, notConfigured: 2 });
    expect(await deliverDueNotifications(database.db, none, { now: () => new Date(Date.now() + 24 * 3_600_000) })).toMatchObject({
      attempted: 0,
    });
    expect(await listNotificationFailures(database.db)).toEqual([]);
    expect((await database.db.notificationAttempt.findMany()).map((a) => a.outcome)).toEqual(["NOT_CONFIGURED", "NOT_CONFIGURED"]);
  });

  it("records an SMTP rejection with its reply code, never the SMTP password", async () => {
    smtp.rejectDataWith("554 5.7.1 message refused");
    await enqueueNotification(database.db, event());
    await deliverDueNotifications(database.db, settings({ webhookUrl: undefined }));
    const delivery = await database.db.notificationDelivery.findFirstOrThrow({ where: { channel: "EMAIL" } });
    expect(delivery.status).toBe("PENDING");
    expect(delivery.lastError).toMatch(/^smtp failed: .*554/);
    expect(delivery.lastError).not.toContain(smtp.password);
  });

  it("gives up on a silent SMTP server within its timeout", async () => {
    await enqueueNotification(database.db, event());
    const port = new URL(silent.url).port;
    const started = performance.now();
    await deliverDueNotifications(database.db, settings({ webhookUrl: undefined, smtpUrl: `smtp://127.0.0.1:${port}`, timeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    const delivery = await database.db.notificationDelivery.findFirstOrThrow({ where: { channel: "EMAIL" } });
    expect(delivery).toMatchObject({ status: "PENDING", attemptCount: 1 });
    expect(delivery.lastError).toMatch(/^smtp failed: /);
  });

  it("lets two concurrent drains deliver each notification once", async () => {
    for (let index = 0; index < 10; index += 1) await enqueueNotification(database.db, event({ checkout: { id: `co-${index}` } }));
    const only = settings({ smtpUrl: undefined });
    const [first, second] = await Promise.all([
      deliverDueNotifications(database.db, only, { batchSize: 3 }),
      deliverDueNotifications(database.db, only, { batchSize: 3 }),
    ]);
    expect(first.sent + second.sent).toBe(10);
    expect(webhook.bodies).toHaveLength(10);
  });
});
