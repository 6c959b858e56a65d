import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./deliver-due-notifications";
import { NOTIFICATION_KINDS, type StoredNotification } from "./notification-event";
import { renderNotification, toEmail, toSlackMessage } from "./render-notification";

const makeNotification = (overrides: Partial<StoredNotification> = {}): StoredNotification => ({
  kind: "checkout.approved",
  occurredAt: "2026-12-01T10:00:00.000Z",
  credential: { id: "cred-1", accountId: "111122223333", iamUserName: "breakglass-admin" },
  checkout: { id: "co 1", reason: "db down", durationMinutes: 30 },
  actor: "alice",
  link: "/breakglass/checkouts/co%201",
  ...overrides,
});

describe("renderNotification", () => {
  it("gives every kind a title naming the IAM user and account", () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(renderNotification(makeNotification({ kind }), "https://v.example").title, kind).toContain(
        "breakglass-admin (account 111122223333)",
      );
    }
  });

  it("links under the base URL and flattens control characters so a reason cannot add mail headers", () => {
    const rendered = renderNotification(
      makeNotification({ checkout: { id: "c", reason: "x\r\nBcc: evil@example.com" } }),
      "https://v.example/",
    );
    expect(rendered.link).toBe("https://v.example/breakglass/checkouts/co%201");
    expect(toEmail(rendered).text).toContain("Reason: x Bcc: evil@example.com");
    expect(toEmail(rendered).subject).not.toMatch(/[\r\n]/);
  });

  it("escapes Slack markup in user text but keeps its own link", () => {
    const message = toSlackMessage(renderNotification(makeNotification({ actor: "<@U123|boss> & co" }), "https://v.example"));
    const blocks = JSON.stringify(message.blocks);
    expect(blocks).toContain("&lt;@U123|boss&gt; &amp; co");
    expect(blocks).toContain("<https://v.example/breakglass/checkouts/co%201|Open in Vigil>");
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s and stops at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
