import { describe, expect, it } from "vitest";
import {
  enumLabel,
  formatDateTime,
  formatIsoDuration,
  formatLocalDateTime,
  formatSeconds,
  parseIsoDuration,
  plural,
  pluralWord,
  secondsToIso,
} from "./format";

describe("durations", () => {
  it("reads Identity Center's ISO-8601 session durations as hours and minutes", () => {
    expect(formatIsoDuration("PT1H")).toBe("1 h");
    expect(formatIsoDuration("PT12H")).toBe("12 h");
    expect(formatIsoDuration("PT1H30M")).toBe("1 h 30 min");
    expect(formatIsoDuration("PT45M")).toBe("45 min");
    expect(formatIsoDuration("pt2h")).toBe("2 h");
  });

  it("reads days and weeks as hours, and shows a value it cannot read as it is", () => {
    expect(parseIsoDuration("P1D")).toBe(86_400);
    expect(parseIsoDuration("P1W")).toBe(604_800);
    expect(parseIsoDuration("P1DT2H")).toBe(93_600);
    expect(formatIsoDuration("P1M")).toBe("P1M");
    expect(parseIsoDuration("P")).toBeNull();
    expect(parseIsoDuration("PT")).toBeNull();
    expect(parseIsoDuration("12 hours")).toBeNull();
    expect(formatIsoDuration(null)).toBe("—");
  });

  it("writes seconds the same way as ISO durations, so both sources read alike", () => {
    expect(formatSeconds(3600)).toBe(formatIsoDuration("PT1H"));
    expect(formatSeconds(43_200)).toBe("12 h");
    expect(formatSeconds(5400)).toBe("1 h 30 min");
    expect(formatSeconds(900)).toBe("15 min");
    expect(formatSeconds(45)).toBe("45 s");
    expect(formatSeconds(null)).toBe("—");
    expect(formatSeconds(-1)).toBe("—");
  });

  it("turns seconds back into the ISO value shown in the tooltip", () => {
    expect(secondsToIso(3600)).toBe("PT1H");
    expect(secondsToIso(5400)).toBe("PT1H30M");
    expect(secondsToIso(43_261)).toBe("PT12H1M1S");
    expect(secondsToIso(0)).toBe("PT0S");
    expect(parseIsoDuration(secondsToIso(7322))).toBe(7322);
  });
});

describe("plurals", () => {
  it("counts with the right word form", () => {
    expect(plural(1, "account")).toBe("1 account");
    expect(plural(0, "account")).toBe("0 accounts");
    expect(plural(2, "policy")).toBe("2 policies");
    expect(plural(3, "access")).toBe("3 accesses");
    expect(plural(2, "key")).toBe("2 keys");
    expect(plural(1234, "role")).toBe("1,234 roles");
    expect(plural(2, "person")).toBe("2 people");
    expect(pluralWord(2, "criterion", "criteria")).toBe("criteria");
  });
});

describe("enum labels", () => {
  it("writes enum values in words, keeping acronyms and using the overrides table", () => {
    expect(enumLabel("IDC_GROUP_MEMBERSHIP")).toBe("group membership");
    expect(enumLabel("IAM_ROLE")).toBe("IAM role");
    expect(enumLabel("LONG_SESSION_SENSITIVE_ACCOUNT")).toBe("long session sensitive account");
    expect(enumLabel("AWS_MANAGED_POLICY")).toBe("AWS managed policy");
    expect(enumLabel("rotation-pending")).toBe("rotation pending");
    expect(enumLabel("USER", { USER: "person" })).toBe("person");
    expect(enumLabel(null)).toBe("—");
  });
});

describe("timestamps", () => {
  it("renders UTC on the server and the reader's zone in the browser", () => {
    expect(formatDateTime("2024-06-01T12:30:00Z")).toBe("2024-06-01 12:30 UTC");
    expect(formatLocalDateTime("2024-06-01T12:30:00Z", "UTC")).toBe("2024-06-01 12:30 UTC");
    expect(formatLocalDateTime("2024-06-01T12:30:00Z", "Asia/Tokyo")).toMatch(/^2024-06-01 21:30 (GMT\+9|JST)$/);
    expect(formatLocalDateTime("2024-01-01T00:30:00Z", "America/New_York")).toMatch(/^2023-12-31 19:30 (EST|GMT-5)$/);
    expect(formatLocalDateTime("not a date")).toBeNull();
  });
});
