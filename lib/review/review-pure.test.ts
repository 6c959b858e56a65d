import { describe, expect, it } from "vitest";
import { chooseReviewer } from "./choose-reviewer";
import { classifyChange, type ComparableRow } from "./classify-change";
import { parseReviewOwners } from "./review-settings";
import { reviewRowKey } from "./row-key";
import { hclString, shellArg, shellQuote } from "./shell-quote";
import { weekLabel, weekStart } from "./week-start";

describe("weekStart", () => {
  it("is Monday 00:00 UTC for any time in a UTC week, Monday itself included", () => {
    expect(weekStart(new Date("2026-12-02T12:00:00Z"), "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-30T00:00:00Z"), "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-29T23:59:59Z"), "UTC").toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("follows the local calendar: Sunday 23:30 UTC is already Monday in Paris", () => {
    expect(weekStart(new Date("2026-11-29T23:30:00Z"), "Europe/Paris").toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(weekStart(new Date("2026-11-29T22:30:00Z"), "Europe/Paris").toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("uses the offset of the Monday itself across a DST change later in the week", () => {
    // Europe/Paris leaves summer time on Sunday 2026-10-25: the week's Monday 19 Oct is still UTC+2.
    expect(weekStart(new Date("2026-10-25T12:00:00Z"), "Europe/Paris").toISOString()).toBe("2026-10-18T22:00:00.000Z");
    expect(weekStart(new Date("2026-10-27T12:00:00Z"), "Europe/Paris").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    // New York enters summer time on Sunday 2026-03-08: Monday 9 March is UTC-4, Monday 2 March UTC-5.
    expect(weekStart(new Date("2026-03-10T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(weekStart(new Date("2026-03-08T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-02T05:00:00.000Z");
  });

  it("labels the week by its local Monday", () => {
    expect(weekLabel(new Date("2026-11-29T23:00:00Z"), "Europe/Paris")).toBe("Week of 2026-11-30");
  });
});

describe("reviewRowKey", () => {
  it("is the person, the account and the hops after the person, the same every week", () => {
    const hops = ["idc-group:g-1", "permission-set:arn:aws:sso:::permissionSet/ssoins-1/ps-1", "arn:aws:iam::111122223333:role/R"];
    expect(reviewRowKey("idc:d-1/u-1", "111122223333", hops)).toBe(reviewRowKey("idc:d-1/u-1", "111122223333", [...hops]));
    expect(reviewRowKey("idc:d-1/u-1", "111122223333", hops)).not.toBe(reviewRowKey("idc:d-1/u-1", "111122223333", hops.slice(1)));
    expect(reviewRowKey("arn:aws:iam::111122223333:user/ci", "111122223333", [])).toBe(
      "arn:aws:iam::111122223333:user/ci|111122223333|direct",
    );
  });
});

describe("classifyChange", () => {
  const row = (over: Partial<ComparableRow> = {}): ComparableRow => ({
    effectiveSessionSeconds: 3600,
    cappedByChaining: false,
    conditional: false,
    permissionSetHash: "h1",
    roleArn: "arn:aws:iam::111122223333:role/R",
    findings: [],
    ...over,
  });

  it("is NEW without last week's row and UNCHANGED when nothing compared moved", () => {
    expect(classifyChange(undefined, row())).toEqual({ change: "NEW", changeDetail: null });
    expect(classifyChange(row(), row())).toEqual({ change: "UNCHANGED", changeDetail: null });
  });

  it("is CHANGED with each moved field as from/to: session, permission set content, findings", () => {
    const result = classifyChange(
      row(),
      row({ effectiveSessionSeconds: 43_200, permissionSetHash: "h2", findings: [{ id: 7, rule: "R", severity: "high", title: "t" }] }),
    );
    expect(result.change).toBe("CHANGED");
    expect(result.changeDetail).toEqual({
      effectiveSessionSeconds: { from: 3600, to: 43_200 },
      permissionSetHash: { from: "h1", to: "h2" },
      findings: { from: [], to: [7] },
    });
  });
});

describe("chooseReviewer", () => {
  const settings = {
    owners: parseReviewOwners("account:111122223333=Alice@Example.com,group:Payments-Admins=bob@example.com"),
    defaultReviewer: "sec@example.com",
  };
  const facts = { accountOwnerTag: null, accountId: "111122223333", groupNames: ["Payments-Admins"], personEmail: "carol@example.com" };

  it("prefers the account's tag, then the account in settings, then the group's owner, then the default", () => {
    expect(chooseReviewer({ ...facts, accountOwnerTag: "tag@example.com" }, settings)).toEqual({
      reviewerEmail: "tag@example.com",
      reviewerSource: "ACCOUNT_OWNER",
    });
    expect(chooseReviewer(facts, settings)).toEqual({ reviewerEmail: "alice@example.com", reviewerSource: "ACCOUNT_OWNER" });
    expect(chooseReviewer({ ...facts, accountId: "999999999999" }, settings)).toEqual({
      reviewerEmail: "bob@example.com",
      reviewerSource: "GROUP_OWNER",
    });
    expect(chooseReviewer({ ...facts, accountId: "999999999999", groupNames: [] }, settings)).toEqual({
      reviewerEmail: "sec@example.com",
      reviewerSource: "DEFAULT",
    });
  });

  it("never asks a person to review their own access: the next candidate (case-insensitively), else unassigned", () => {
    expect(chooseReviewer({ ...facts, personEmail: "ALICE@example.com" }, settings)).toEqual({
      reviewerEmail: "bob@example.com",
      reviewerSource: "GROUP_OWNER",
    });
    expect(chooseReviewer({ ...facts, accountId: "999999999999", groupNames: [], personEmail: "sec@example.com" }, settings)).toEqual({
      reviewerEmail: null,
      reviewerSource: "UNASSIGNED",
    });
  });
});

describe("shell and HCL quoting", () => {
  it("leaves plain ARNs bare and single-quotes anything a shell would read", () => {
    expect(shellQuote("arn:aws:iam::111122223333:role/R")).toBe("arn:aws:iam::111122223333:role/R");
    expect(shellQuote("a'b $(rm -rf ~)")).toBe(`'a'\\''b $(rm -rf ~)'`);
    expect(shellQuote("=cmd|x")).toBe("'=cmd|x'");
    expect(shellArg("--role-name", "-rf")).toBe("--role-name='-rf'");
  });

  it("keeps HCL interpolation out of names", () => {
    expect(hclString('x${file("/etc/passwd")}')).toBe('"x$${file(\\"/etc/passwd\\")}"');
  });
});
