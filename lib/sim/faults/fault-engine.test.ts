import { describe, expect, it } from "vitest";
import { FaultEngine, parseRequestFault, type FaultRequest } from "./fault-engine";
import { TokenBucket } from "./token-bucket";

const lookup: FaultRequest = {
  service: "cloudtrail",
  operation: "LookupEvents",
  accountId: "111111111111",
  region: "us-east-1",
  callerArn: "arn:aws:iam::111111111111:user/a",
};

describe("fault engine", () => {
  it("throttles LookupEvents at 2 per second per account and region with the aws preset", () => {
    let now = 0;
    const engine = new FaultEngine({ rateLimits: "aws" }, () => now);
    expect(engine.check(lookup)).toBeUndefined();
    expect(engine.check(lookup)).toBeUndefined();
    expect(engine.check(lookup)?.code).toBe("ThrottlingException");
    expect(engine.check({ ...lookup, region: "eu-west-1" })).toBeUndefined();
    now = 500;
    expect(engine.check(lookup)).toBeUndefined();
  });

  it("answers each service's own throttling error", () => {
    const engine = new FaultEngine({ rateLimits: [{ ratePerSecond: 1, burst: 1 }] }, () => 0);
    const iam = { ...lookup, service: "iam" as const, operation: "ListRoles" };
    expect(engine.check(iam)).toBeUndefined();
    expect(engine.check(iam)?.code).toBe("Throttling");
    const org = { ...lookup, service: "organizations" as const, operation: "ListAccounts", accountId: "2" };
    engine.check(org);
    expect(engine.check(org)?.code).toBe("TooManyRequestsException");
  });

  it("fails exactly the configured burst of matching requests with a 5xx", () => {
    const engine = new FaultEngine({ serverErrors: [{ service: "sso", count: 2, after: 1 }] }, () => 0);
    const sso = { ...lookup, service: "sso" as const, operation: "ListPermissionSets" };
    const codes = Array.from({ length: 5 }, () => engine.check(sso)?.status);
    expect(codes).toEqual([undefined, 500, 500, undefined, undefined]);
  });

  it("delays a call by the base latency plus its operation's and the request header's", () => {
    const engine = new FaultEngine({ latencyMs: 60, operationLatencyMs: { "organizations:ListAccounts": 50, LookupEvents: 7 } }, () => 0);
    const listAccounts = { ...lookup, service: "organizations" as const, operation: "ListAccounts" };
    expect(engine.latencyFor(listAccounts)).toBe(110);
    expect(engine.latencyFor(lookup)).toBe(67);
    expect(engine.latencyFor({ ...lookup, operation: "GetTrail" })).toBe(60);
    expect(engine.latencyFor({ ...lookup, operation: "GetTrail", requestFault: { kind: "latency", ms: 5 } })).toBe(65);
  });

  it("denies every call from a denied account with the protocol's error name", () => {
    const engine = new FaultEngine({ accessDeniedAccounts: ["111111111111"] }, () => 0);
    expect(engine.check(lookup)?.code).toBe("AccessDeniedException");
    expect(engine.check({ ...lookup, service: "iam", operation: "ListUsers" })?.code).toBe("AccessDenied");
    expect(engine.check({ ...lookup, accountId: "222222222222" })).toBeUndefined();
  });

  it("parses per-request fault headers", () => {
    expect(parseRequestFault("latency=25")).toEqual({ kind: "latency", ms: 25 });
    expect(parseRequestFault("503")).toEqual({ kind: "server-error", status: 503 });
    expect(parseRequestFault("bogus")).toBeUndefined();
  });

  it("refills a token bucket over time", () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(100)).toBe(false);
    expect(bucket.tryTake(1100)).toBe(true);
  });
});
