import { describe, expect, it } from "vitest";
import { ASSUME_ROLE_TIME_SERIES_INPUT } from "@/lib/cloudtrail";
import { findEventDateProblems } from "./event-dates";
import { eventListParams, MAX_CHART_DAYS, toTimeSeriesInput, toTrailEventsInput } from "./event-params";

describe("events page params", () => {
  it("includes the whole `to` day and maps result filters to booleans", () => {
    const params = eventListParams.parse({ from: "2025-03-01", to: "2025-03-02", success: "no" });
    expect(toTrailEventsInput(params).filters).toMatchObject({
      from: new Date("2025-03-01T00:00:00.000Z"),
      to: new Date("2025-03-03T00:00:00.000Z"),
      success: false,
    });
  });

  it("rejects a reversed range and a malformed date with messages naming the param", () => {
    const reversed = eventListParams.safeParse({ from: "2025-03-02", to: "2025-03-01" });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.path).toEqual(["from"]);
    expect(eventListParams.safeParse({ to: "yesterday" }).error?.issues[0]?.message).toContain("to must be a date");
  });

  it("charts the 30 days up to the newest stored event when no range is given, hourly for short ranges", () => {
    const daily = toTimeSeriesInput(eventListParams.parse({}), new Date("2024-06-10T15:00:00.000Z"));
    expect(daily).toMatchObject({ from: new Date("2024-05-12T00:00:00.000Z"), to: new Date("2024-06-11T00:00:00.000Z"), bucket: "day" });
    const hourly = toTimeSeriesInput(eventListParams.parse({ from: "2024-06-10", to: "2024-06-11" }), null);
    expect(hourly.bucket).toBe("hour");
  });
});

describe("events page date limits", () => {
  it("a range longer than the chart allows charts its last days instead of failing the page", () => {
    // Given a filter over fifty years, more daily buckets than the time series accepts
    const params = eventListParams.parse({ from: "1975-01-01", to: "2025-01-01" });
    // When the chart's range is derived from it
    const range = toTimeSeriesInput(params, null);
    // Then the time series accepts it, and it ends where the filter ends
    expect(ASSUME_ROLE_TIME_SERIES_INPUT.safeParse(range).error).toBeUndefined();
    expect(range.to).toEqual(new Date("2025-01-02T00:00:00.000Z"));
    expect(range.to.getTime() - range.from.getTime()).toBe(MAX_CHART_DAYS * 86_400_000);
  });

  it("dates Postgres or the calendar cannot hold are problems naming the param and the value", () => {
    const problems = (query: string) => findEventDateProblems(new URLSearchParams(query));
    expect(problems("from=0000-01-01")).toEqual(['from must be between 1970-01-01 and 9999-12-30 (got "0000-01-01")']);
    expect(problems("to=99999-01-01")).toEqual(['to must be a date like 2025-01-31 (got "99999-01-01")']);
    expect(problems("from=2026-13-45")).toEqual(['from must be a date like 2025-01-31 (got "2026-13-45")']);
    expect(problems("from=2025-02-01&to=2025-01-01")).toEqual(['from must not be after to (got "2025-02-01")']);
    expect(problems("from=2025-01-01&to=2025-02-01&eventName=x")).toEqual([]);
    expect(eventListParams.safeParse({ to: "9999-12-31" }).error?.issues[0]?.message).toBe("to must be between 1970-01-01 and 9999-12-30");
  });
});
