import { describe, expect, it } from "vitest";
import { AuditDetailError, cleanAuditDetail, isSecretKey, REDACTED, redactSecrets } from "./audit-detail";

const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("cleanAuditDetail", () => {
  it("refuses an entry whose detail has a key naming a secret, at any depth", () => {
    expect(() => cleanAuditDetail({ password: "hunter2" })).toThrow(AuditDetailError);
    expect(() => cleanAuditDetail({ rotation: { newSecretAccessKey: AWS_SECRET } })).toThrow(/rotation.newSecretAccessKey.*secret/);
    expect(() => cleanAuditDetail({ totpCode: 123456 })).toThrow(AuditDetailError);
  });

  it("lets through keys that describe a secret without holding it, and flags about one", () => {
    expect(
      cleanAuditDetail({ passwordLastChangedAt: "2026-01-01", secretArn: "arn:x", tokenExpiresAt: "t", hasPassword: true, password: null }),
    ).toEqual({
      passwordLastChangedAt: "2026-01-01",
      secretArn: "arn:x",
      tokenExpiresAt: "t",
      hasPassword: true,
      password: null,
    });
    expect(isSecretKey("accessKeyId")).toBe(false);
    expect(isSecretKey("sessionToken")).toBe(true);
  });

  it("redacts secret-looking text under harmless keys, keeping the rest", () => {
    const cleaned = cleanAuditDetail({
      reason: `rotated, old key was ${AWS_SECRET} sorry`,
      note: "see https://bob:pa55word@example.com/x",
    });
    expect(cleaned).toEqual({ reason: `rotated, old key was ${REDACTED} sorry`, note: `see https://bob:${REDACTED}@example.com/x` });
    expect(JSON.stringify(cleaned)).not.toContain(AWS_SECRET);
  });

  it("redacts private keys, JWTs, otpauth URIs, bearer tokens and password=… assignments", () => {
    const texts = [
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "otpauth://totp/Vigil:alice?secret=JBSWY3DPEHPK3PXP",
      "Authorization: Bearer abcdef0123456789",
      "password=hunter2",
    ];
    for (const text of texts) expect(redactSecrets(text).kinds.length, text).toBeGreaterThan(0);
    expect(redactSecrets("password=hunter2").text).toBe(`password=${REDACTED}`);
  });

  it("does not redact identifiers: access key ids, ARNs, hex digests, account ids", () => {
    const text =
      "AKIAIOSFODNN7EXAMPLE arn:aws:iam::123456789012:role/Admin 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    expect(redactSecrets(text)).toEqual({ text, kinds: [] });
  });

  it("turns dates and bigints into strings and drops undefined", () => {
    expect(cleanAuditDetail({ at: new Date("2026-01-02T03:04:05.006Z"), n: 12n, gone: undefined })).toEqual({
      at: "2026-01-02T03:04:05.006Z",
      n: "12",
    });
  });

  it("replaces what Postgres jsonb cannot store (NUL, lone surrogates)", () => {
    expect(cleanAuditDetail({ name: "a\u0000b\uD800c" })).toEqual({ name: "a\uFFFDb\uFFFDc" });
  });

  it("refuses hostile shapes: class instances, deep nesting, huge arrays, non-finite numbers", () => {
    expect(() => cleanAuditDetail({ m: new Map() })).toThrow(/not plain data/);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) deep = { deep };
    expect(() => cleanAuditDetail(deep)).toThrow(/deeper/);
    expect(() => cleanAuditDetail({ list: Array.from({ length: 201 }, () => 1) })).toThrow(/more than 200/);
    expect(() => cleanAuditDetail({ n: Infinity })).toThrow(/finite/);
  });

  it("truncates a very long string", () => {
    const cleaned = cleanAuditDetail({ reason: "x ".repeat(5_000) });
    expect(String(cleaned.reason).endsWith("…[truncated]")).toBe(true);
    expect(String(cleaned.reason).length).toBeLessThan(4_100);
  });
});
