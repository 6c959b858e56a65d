import { describe, expect, it } from "vitest";
import { lookupWindow } from "./lookup-window";

const now = new Date("2026-08-10T12:00:00Z");
const DAY = 24 * 3600 * 1000;

describe("lookupWindow", () => {
  it("a first run looks back the configured number of days", () => {
    const w = lookupWindow({ now, watermark: null, lookbackDays: 90, overlapMs: 0 });
    expect(w.startTime.getTime()).toBe(now.getTime() - 90 * DAY);
    expect(w.endTime).toEqual(now);
  });

  it("a later run starts at the watermark minus the overlap", () => {
    const watermark = new Date("2026-08-10T11:00:00Z");
    const w = lookupWindow({ now, watermark, lookbackDays: 90, overlapMs: 15 * 60 * 1000 });
    expect(w.startTime.toISOString()).toBe("2026-08-10T10:45:00.000Z");
  });

  it("an explicit since wins over the watermark but never reaches past the look-back", () => {
    const watermark = new Date("2026-08-10T11:00:00Z");
    expect(
      lookupWindow({ now, watermark, since: new Date("2026-08-01T00:00:00Z"), lookbackDays: 90, overlapMs: 0 }).startTime.toISOString(),
    ).toBe("2026-08-01T00:00:00.000Z");
    expect(
      lookupWindow({ now, watermark, since: new Date("2020-01-01T00:00:00Z"), lookbackDays: 7, overlapMs: 0 }).startTime.getTime(),
    ).toBe(now.getTime() - 7 * DAY);
  });

  it("a watermark in the future does not produce an inverted window", () => {
    const w = lookupWindow({ now, watermark: new Date("2026-09-01T00:00:00Z"), lookbackDays: 90, overlapMs: 0 });
    expect(w.startTime.getTime()).toBeLessThanOrEqual(w.endTime.getTime());
  });
});
