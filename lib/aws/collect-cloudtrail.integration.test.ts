import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimServer } from "@/lib/sim";
import { SIGN_IN_EVENT_NAMES } from "./cloudtrail-event";
import { createClientPool, type ClientPool } from "./client-pool";
import { collectCloudTrailActivity, watermarkKey, type CloudTrailCollection } from "./collect-cloudtrail";
import { makeSimAwsConfig } from "./sim-fixture";

type Sim = Awaited<ReturnType<typeof startSimServer>>;

const DAY = 24 * 3600 * 1000;

describe("collectCloudTrailActivity against the demo scenario with AWS's rate limits", () => {
  let sim: Sim;
  let pool: ClientPool;
  let result: CloudTrailCollection;
  let accountIds: string[];
  let now: Date;
  const regions = ["us-east-1", "eu-west-1"];
  const userNames = ["breakglass-admin"];

  beforeAll(async () => {
    sim = await startSimServer({ scenario: "demo", port: 0, faults: { rateLimits: "aws" } });
    pool = createClientPool(makeSimAwsConfig(sim.url, { cloudTrailRegions: regions }));
    const mgmt = sim.state.organization.managementAccountId;
    accountIds = [mgmt, "334567890124", "590123456780"];
    // End the window before our own AssumeRole calls, which the simulator records as live events.
    now = new Date(Date.now() - 1000);
    result = await collectCloudTrailActivity(pool, {
      accountIds,
      userNames,
      initialLookbackMs: 89 * DAY,
      managementAccountId: mgmt,
      now,
    });
  }, 120_000);
  afterAll(async () => {
    pool?.destroy();
    await sim?.close();
  });

  it("returns every sign-in event and every event of the followed users, once", () => {
    expect(result.errors).toEqual([]);
    const start = now.getTime() - 89 * DAY;
    const expected = new Set<string>();
    for (const accountId of accountIds) {
      for (const region of regions) {
        for (const r of sim.state.cloudTrail.list(accountId, region)) {
          const inWindow = r.eventTime.getTime() >= start && r.eventTime.getTime() <= now.getTime();
          const matches = (SIGN_IN_EVENT_NAMES as readonly string[]).includes(r.eventName) || userNames.includes(r.username ?? "");
          if (inWindow && matches) expected.add(r.eventId);
        }
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(result.events.map((e) => e.eventId).sort()).toEqual([...expected].sort());
  });

  it("normalises Identity Center sign-ins with the permission set", () => {
    const saml = result.events.filter((e) => e.eventName === "AssumeRoleWithSAML");
    expect(saml.length).toBeGreaterThan(0);
    for (const event of saml) {
      expect(event.targetIdentityCenter?.permissionSetName, event.eventId).toBeTruthy();
      expect(event.accountId).toMatch(/^\d{12}$/);
    }
  });

  it("stays within 2 LookupEvents per second per account and region, so nothing is throttled", () => {
    expect(pool.stats.apiCallsByAction["cloudtrail:LookupEvents"]).toBeGreaterThanOrEqual(accountIds.length * regions.length);
    expect(pool.stats.retries.cloudtrail ?? 0).toBe(0);
  });

  it("moves each window's watermark to the end of the window read", () => {
    for (const accountId of accountIds) {
      for (const region of regions) expect(result.watermarks[watermarkKey(accountId, region)]).toBe(now.toISOString());
    }
  });
});
