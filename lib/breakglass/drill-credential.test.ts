import { describe, expect, it } from "vitest";
import type { CredentialReport, CredentialReportRow } from "../aws";
import type { BreakglassCredentialSummary } from "../vault";
import { passwordAge } from "./drill-credential";

const ROTATED = new Date("2026-12-01T10:00:00Z");
const credential: BreakglassCredentialSummary = {
  id: "c1",
  accountId: "111122223333",
  iamUserName: "breakglass",
  hasPassword: true,
  accessKeyId: null,
  mfaNote: null,
  maxCheckoutMinutes: 60,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  rotatedAt: ROTATED,
};

function report(passwordLastChangedAt: string | null, generatedAt = "2026-12-02T00:00:00Z"): CredentialReport {
  return { generatedAt, rows: [{ user: "breakglass", passwordLastChangedAt } as CredentialReportRow] };
}

describe("drill: password age against the last rotation", () => {
  it("a password changed at the rotation passes", () => {
    expect(passwordAge(credential, report("2026-12-01T09:59:58Z"))).toEqual([]);
  });

  it("a password older than the last rotation fails: the rotation did not take", () => {
    expect(passwordAge(credential, report("2026-11-20T00:00:00Z"))[0]?.message).toMatch(/before the last rotation/);
  });

  it("a password changed after the last rotation fails: changed outside Vigil", () => {
    expect(passwordAge(credential, report("2026-12-01T12:00:00Z"))[0]?.message).toMatch(/changed outside Vigil/);
  });

  it("a report generated before the rotation cannot judge and raises nothing", () => {
    expect(passwordAge(credential, report("2026-11-20T00:00:00Z", "2026-12-01T09:00:00Z"))).toEqual([]);
  });

  it("a never-rotated credential is judged against its registration", () => {
    const fresh = { ...credential, rotatedAt: null };
    expect(passwordAge(fresh, report("2026-10-01T00:00:00Z"))).toEqual([]);
    expect(passwordAge(fresh, report("2026-11-15T00:00:00Z"))[0]?.message).toMatch(/after registration/);
  });
});
