import { describe, expect, it } from "vitest";
import { rateLimitFloor } from "./rate-limit-floor";

describe("rateLimitFloor", () => {
  it("is the slowest bucket, with IAM buckets per account and the first matching rule applied", () => {
    const rules = [
      { service: "iam", operation: "GetAccountAuthorizationDetails", ratePerSecond: 5 },
      { service: "iam", ratePerSecond: 20 },
      { service: "organizations", ratePerSecond: 10 },
    ];
    const floor = rateLimitFloor(rules, {
      apiCallsByAction: { "iam:GetAccountAuthorizationDetails": 20, "iam:ListRoles": 20, "organizations:ListAccounts": 30 },
      callsPerAccount: { "111111111111": 20, "222222222222": 20, management: 30 },
    });
    expect(floor.buckets.map((b) => [b.calls, b.seconds])).toEqual([
      [30, 3],
      [10, 2],
      [10, 0.5],
    ]);
    expect(floor.seconds).toBe(3);
    // two accounts of 2 s (GAAD bucket) each, read one at a time: 4 s
    expect(floor.secondsAtConcurrency(1)).toBe(4);
    expect(floor.secondsAtConcurrency(8)).toBe(3);
  });
});
