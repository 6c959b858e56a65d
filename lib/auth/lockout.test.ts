import { describe, expect, it } from "vitest";
import { isLocked, nextLockoutState, UNLOCKED, type LockoutState } from "./lockout";

const policy = { threshold: 5, lockMinutes: 15 };
const at = new Date("2026-01-01T10:00:00Z");
const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

function failTimes(count: number, from: LockoutState = UNLOCKED, when = at) {
  let state = from;
  let isNewlyLocked = false;
  for (let i = 0; i < count; i++) ({ state, isNewlyLocked } = nextLockoutState(state, { type: "failure", at: when }, policy));
  return { state, isNewlyLocked };
}

describe("lockout", () => {
  it("four failures count but do not lock", () => {
    const { state } = failTimes(4);
    expect(state).toEqual({ failedCount: 4, lockedUntil: null });
    expect(isLocked(state, at)).toBe(false);
  });

  it("the fifth consecutive failure locks for fifteen minutes", () => {
    const { state, isNewlyLocked } = failTimes(5);
    expect(isNewlyLocked).toBe(true);
    expect(state.lockedUntil).toEqual(minutesLater(15));
    expect(isLocked(state, minutesLater(14))).toBe(true);
    expect(isLocked(state, minutesLater(15))).toBe(false);
  });

  it("failures while locked neither extend the lock nor report a new one", () => {
    const locked = failTimes(5).state;
    const { state, isNewlyLocked } = nextLockoutState(locked, { type: "failure", at: minutesLater(5) }, policy);
    expect(state).toEqual(locked);
    expect(isNewlyLocked).toBe(false);
  });

  it("after a lock runs out the count starts again", () => {
    const locked = failTimes(5).state;
    const { state } = nextLockoutState(locked, { type: "failure", at: minutesLater(16) }, policy);
    expect(state).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it("a success or an unlock clears everything", () => {
    const locked = failTimes(5).state;
    expect(nextLockoutState(locked, { type: "unlock" }, policy).state).toEqual(UNLOCKED);
    expect(nextLockoutState(failTimes(3).state, { type: "success" }, policy).state).toEqual(UNLOCKED);
  });
});
