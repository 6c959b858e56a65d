import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import {
  pruneStaleThrottles,
  refundPasswordAttempt,
  reserveSignInAttempt,
  takeSignInAlert,
  type LockoutPolicy,
  type ThrottleKey,
} from "./sign-in-throttle";

const database = useTestDatabase();
const policy: LockoutPolicy = { threshold: 3, lockMinutes: 2, firstDelaySeconds: 10, alertFailures: 6 };
let counter = 0;
const keyFor = (clientAddress = "198.51.100.1"): ThrottleKey => ({ subject: `name:test-${counter++}`, clientAddress, userId: null });
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("sign-in throttle", () => {
  it("the first threshold-1 failures are free, then each attempt waits twice as long, up to lockMinutes", async () => {
    const key = keyFor();
    const start = new Date("2026-01-01T00:00:00Z");
    const first = await reserveSignInAttempt(database.db, key, policy, start);
    const second = await reserveSignInAttempt(database.db, key, policy, at(start, 1));
    expect(first).toMatchObject({ isAllowed: true, failures: 1, blockedUntil: null });
    expect(second).toMatchObject({ isAllowed: true, failures: 2, blockedUntil: null });
    // The third (threshold) is evaluated, and earns the first delay
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 2))).toMatchObject({
      isAllowed: true,
      failures: 3,
      blockedUntil: at(start, 12),
    });
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 5))).toEqual({ isAllowed: false, retryAfterSeconds: 7 });
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 12))).toMatchObject({ failures: 4, blockedUntil: at(start, 32) });
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 32))).toMatchObject({ failures: 5, blockedUntil: at(start, 72) });
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 72))).toMatchObject({
      failures: 6,
      blockedUntil: at(start, 152),
    });
    // Capped at lockMinutes (120 s), not 160 s
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 152))).toMatchObject({
      failures: 7,
      blockedUntil: at(start, 272),
    });
  });

  it("an address quiet for lockMinutes after its last delay starts over", async () => {
    const key = keyFor();
    const start = new Date("2026-01-02T00:00:00Z");
    for (let second = 0; second < 3; second++) await reserveSignInAttempt(database.db, key, policy, at(start, second));
    // Delayed until +12 s; quiet until 12 s + 2 min
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 131))).toMatchObject({ failures: 4 });
    expect(await reserveSignInAttempt(database.db, key, policy, at(start, 131 + 20 + 121))).toMatchObject({
      failures: 1,
      blockedUntil: null,
    });
  });

  it("of a parallel burst only threshold attempts are reserved", async () => {
    const key = keyFor();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 25 }, () => reserveSignInAttempt(database.db, key, policy, now)));
    expect(results.filter((result) => result.isAllowed)).toHaveLength(policy.threshold);
    const row = await database.db.signInThrottle.findUniqueOrThrow({
      where: { subject_clientAddress: { subject: key.subject, clientAddress: key.clientAddress } },
    });
    expect(row.failures).toBe(policy.threshold);
  });

  it("another address of the same subject has its own count", async () => {
    const key = keyFor("198.51.100.1");
    const now = new Date();
    for (let attempt = 0; attempt < 4; attempt++) await reserveSignInAttempt(database.db, key, policy, now);
    const other = await reserveSignInAttempt(database.db, { ...key, clientAddress: "198.51.100.2" }, policy, now);
    expect(other).toMatchObject({ isAllowed: true, failures: 1 });
  });

  it("a refund gives back one reservation and lifts the delay it set", async () => {
    const key = keyFor();
    const now = new Date();
    for (let attempt = 0; attempt < 3; attempt++) await reserveSignInAttempt(database.db, key, policy, now);
    await refundPasswordAttempt(database.db, key, policy);
    expect(await reserveSignInAttempt(database.db, key, policy, now)).toMatchObject({ isAllowed: true, failures: 3 });
  });

  it("failures on one account from many addresses raise one alert per window", async () => {
    const user = await database.db.user.create({ data: { name: "a", email: `alert${counter++}@example.com` } });
    const now = new Date();
    const key = (address: string): ThrottleKey => ({ subject: `user:${user.id}`, clientAddress: address, userId: user.id });
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      await reserveSignInAttempt(database.db, key(address), policy, now);
    }
    expect(await takeSignInAlert(database.db, user.id, policy, now)).toBeNull();
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      await reserveSignInAttempt(database.db, key(address), policy, now);
    }
    expect(await takeSignInAlert(database.db, user.id, policy, now)).toEqual({ failures: 6, addresses: 3 });
    expect(await takeSignInAlert(database.db, user.id, policy, now)).toBeNull();
  });

  it("throttles idle for a day are pruned; recent ones stay", async () => {
    const stale = keyFor();
    const recent = keyFor();
    const now = new Date();
    await reserveSignInAttempt(database.db, stale, policy, new Date(now.getTime() - 25 * 3600_000));
    await reserveSignInAttempt(database.db, recent, policy, new Date(now.getTime() - 23 * 3600_000));
    await pruneStaleThrottles(database.db, now);
    const subjects = (await database.db.signInThrottle.findMany({ where: { subject: { in: [stale.subject, recent.subject] } } })).map(
      (row) => row.subject,
    );
    expect(subjects).toEqual([recent.subject]);
  });
});
