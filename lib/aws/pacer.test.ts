import { describe, expect, it } from "vitest";
import { createPacer, type Clock } from "./pacer";

function makeFakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe("pacer", () => {
  it("lets a burst through, then spaces requests at the configured rate", async () => {
    const clock = makeFakeClock();
    const pacer = createPacer({ ratePerSecond: 2, burst: 2, clock });
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await pacer.take();
      times.push(clock.now());
    }
    expect(times).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  it("never exceeds the rate when many callers ask at once", async () => {
    const clock = makeFakeClock();
    const pacer = createPacer({ ratePerSecond: 2, burst: 1, clock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => pacer.take().then(() => times.push(clock.now()))));
    expect(times).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it("refills while idle, up to the burst size only", async () => {
    const clock = makeFakeClock();
    const pacer = createPacer({ ratePerSecond: 2, burst: 2, clock });
    await pacer.take();
    await pacer.take();
    await clock.sleep(10_000);
    clock.sleeps.length = 0;
    await pacer.take();
    await pacer.take();
    await pacer.take();
    expect(clock.sleeps).toEqual([500]);
  });
});
