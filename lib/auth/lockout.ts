/**
 * Account lockout as a pure state machine: consecutive failed sign-in steps (password or TOTP)
 * lock a local account for a while; a complete sign-in or an admin unlock clears it.
 */
export type LockoutState = { failedCount: number; lockedUntil: Date | null };
export type LockoutPolicy = { threshold: number; lockMinutes: number };
export type LockoutEvent =
  | { type: "failure"; at: Date }
  | { type: "success" }
  | { type: "unlock" };
export type LockoutTransition = { state: LockoutState; isNewlyLocked: boolean };

export const UNLOCKED: LockoutState = { failedCount: 0, lockedUntil: null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function nextLockoutState(state: LockoutState, event: LockoutEvent, policy: LockoutPolicy): LockoutTransition {
  switch (event.type) {
    case "success":
    case "unlock":
      return { state: UNLOCKED, isNewlyLocked: false };
    case "failure": {
      if (isLocked(state, event.at)) return { state, isNewlyLocked: false };
      // A lock that has run out starts a fresh count, so one more mistake does not re-lock at once.
      const previous = state.lockedUntil ? 0 : state.failedCount;
      const failedCount = previous + 1;
      if (failedCount < policy.threshold) return { state: { failedCount, lockedUntil: null }, isNewlyLocked: false };
      const lockedUntil = new Date(event.at.getTime() + policy.lockMinutes * 60_000);
      return { state: { failedCount, lockedUntil }, isNewlyLocked: true };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
