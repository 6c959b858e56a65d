import { describe, expect, it } from "vitest";
import { ACTIVITY_DAYS, activityRange } from "./activity-range";

describe("activityRange", () => {
  it("covers the last fourteen whole UTC days, today included", () => {
    const { from, to } = activityRange(new Date("2025-03-15T09:30:00.000Z"));
    expect(to.toISOString()).toBe("2025-03-16T00:00:00.000Z");
    expect(from.toISOString()).toBe("2025-03-02T00:00:00.000Z");
    expect((to.getTime() - from.getTime()) / 86_400_000).toBe(ACTIVITY_DAYS);
  });

  it("a moment past midnight already counts the new day", () => {
    expect(activityRange(new Date("2025-03-16T00:00:00.001Z")).to.toISOString()).toBe("2025-03-17T00:00:00.000Z");
  });
});
