import { afterEach, describe, expect, it, vi } from "vitest";
import { createLimiter, mapLimited } from "./concurrency";

describe("limiter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("never runs more tasks at once than its bound and keeps result order", async () => {
    // Tasks of different lengths, on fake timers: they finish out of order without any real waiting.
    vi.useFakeTimers();
    let active = 0;
    let peak = 0;
    const running = mapLimited([5, 1, 4, 2, 3, 0, 6], 3, async (ms, i) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return i;
    });
    await vi.runAllTimersAsync();
    const results = await running;
    expect(peak).toBe(3);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("frees the slot of a task that throws", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limit(async () => "next")).resolves.toBe("next");
  });
});
