import { describe, expect, it } from "vitest";
import { eventListParams, toTimeSeriesInput, toTrailEventsInput } from "./event-params";

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
