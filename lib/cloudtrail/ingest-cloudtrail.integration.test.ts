import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_EVENT_SOURCES, SIGN_IN_EVENT_NAMES } from "../aws";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { startSimServer, type SimServer } from "../sim";
import { useTestDatabase } from "../testing/use-test-database";
import { findChangeEvents, ingestCloudTrail, type CloudTrailSettings, type IngestCloudTrailResult } from ".";
import { DEFAULT_OVERLAP_MS } from "./cloudtrail-settings";

const BASTION = "334567890124";
const PAYMENTS_PROD = "590123456780";
const SANDBOX = "612345678902";
const REGIONS = ["us-east-1", "eu-west-1"];
const settings: CloudTrailSettings = {
  lookbackDays: 89,
  regions: null,
  breakglassUsers: ["breakglass-admin"],
  automationUsers: ["ci-deployer"],
};
const designated = new Set([...settings.breakglassUsers, ...settings.automationUsers]);
/** makeSimAwsConfig's home region, which is also its Identity Center region: every change source is read there */
const CHANGES_REGION = "us-east-1";

function isSelected(r: { eventName: string; eventSource: string; readOnly: boolean; username?: string }, region: string): boolean {
  if ((SIGN_IN_EVENT_NAMES as readonly string[]).includes(r.eventName) || designated.has(r.username ?? "")) return true;
  return region === CHANGES_REGION && !r.readOnly && CHANGE_EVENT_SOURCES.includes(r.eventSource);
}

/** What the simulator holds that a sweep of [from, to] should keep, by `${eventId}|${accountId}`. */
function expectedKeys(sim: SimServer, accounts: string[], from: number, to: number): Set<string> {
  const keys = new Set<string>();
  for (const accountId of accounts) {
    for (const region of REGIONS) {
      for (const r of sim.state.cloudTrail.list(accountId, region)) {
        const t = r.eventTime.getTime();
        if (t >= from && t <= to && isSelected(r, region)) keys.add(`${r.eventId}|${accountId}`);
      }
    }
  }
  return keys;
}

describe("ingestCloudTrail against the demo scenario", () => {
  const database = useTestDatabase();
  let sim: SimServer;
  let mgmt: string;
  let accounts: string[];
  let readable: string[];
  let first: IngestCloudTrailResult;
  let firstNow: Date;

  beforeAll(async () => {
    sim = await startSimServer({ scenario: "demo", port: 0, faults: { rateLimits: "aws", accessDeniedAccounts: [SANDBOX] } });
    mgmt = sim.state.organization.managementAccountId;
    readable = [mgmt, BASTION, PAYMENTS_PROD];
    accounts = [...readable, SANDBOX];
    // End the window a little before now: the simulator records our own AssumeRole calls as live events.
    firstNow = new Date(Date.now() - 1000);
    first = await ingestCloudTrail(database.db, {
      config: makeSimAwsConfig(sim.url),
      accounts,
      regions: REGIONS,
      now: firstNow,
      settings,
      managementAccountId: mgmt,
    });
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
  });

  it("stores every selected event of the readable accounts once, and records the denied account without aborting", async () => {
    const expected = expectedKeys(sim, readable, firstNow.getTime() - 89 * 24 * 3600 * 1000, firstNow.getTime());
    expect(expected.size).toBeGreaterThan(0);
    const stored = await database.db.cloudTrailEvent.findMany({ select: { eventId: true, accountId: true } });
    expect(stored.map((e) => `${e.eventId}|${e.accountId}`).sort()).toEqual([...expected].sort());
    expect(first.eventsNew).toBe(expected.size);

    expect(first.status).toBe("PARTIAL");
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]).toMatchObject({ accountId: SANDBOX, service: "sts", operation: "AssumeRole", code: "AccessDenied" });
    const run = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ status: "PARTIAL", source: "LOOKUP_EVENTS", eventsNew: expected.size });
    expect(run.errors).toEqual([expect.objectContaining({ accountId: SANDBOX, code: "AccessDenied" })]);
  });

  it("stays within 2 LookupEvents per second per account and region, so AWS's own limits throttle nothing", async () => {
    const run = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: first.runId } });
    const stats = run.stats as { apiCalls: Record<string, number>; retries: Record<string, number> };
    const queries = SIGN_IN_EVENT_NAMES.length + designated.size;
    expect(stats.apiCalls["cloudtrail:LookupEvents"]).toBeGreaterThanOrEqual(readable.length * REGIONS.length * queries);
    expect(stats.retries.cloudtrail ?? 0).toBe(0);
  });

  it("keeps the planted break-glass console sign-in and Identity Center sign-ins with their permission set", async () => {
    const saml = await database.db.cloudTrailEvent.findMany({ where: { eventName: "AssumeRoleWithSAML" }, take: 5 });
    expect(saml.length).toBeGreaterThan(0);
    for (const event of saml) expect(event.permissionSetName, event.eventId).toBeTruthy();
    const breakglass = await database.db.cloudTrailEvent.findFirst({
      where: { eventName: "ConsoleLogin", actorUserName: "breakglass-admin", accountId: mgmt },
    });
    expect(breakglass).toMatchObject({ success: true, mfaUsed: true, sourceIp: "198.51.100.77" });
  });

  it("moves the watermark of every readable account and region to the end of the window, and none for the denied one", async () => {
    const marks = await database.db.cloudTrailWatermark.findMany({ orderBy: [{ accountId: "asc" }, { region: "asc" }] });
    expect(marks.map((m) => `${m.accountId}:${m.region}`)).toEqual(readable.flatMap((a) => REGIONS.map((r) => `${a}:${r}`)).sort());
    for (const mark of marks) expect(mark.lastEventTime).toEqual(firstNow);
  });

  it("a second run reads only from the watermark (minus the overlap) and stores only the new events", async () => {
    // Given new activity after the first run
    const t = (offsetMs: number) => new Date(firstNow.getTime() + offsetMs).toISOString();
    const added = sim.admin.addCloudTrailEvents(BASTION, {
      region: "us-east-1",
      events: [
        {
          eventName: "AssumeRole",
          eventSource: "sts.amazonaws.com",
          eventTime: t(100),
          userIdentity: { type: "IAMUser", userName: "someone", arn: `arn:aws:iam::${BASTION}:user/someone` },
          requestParameters: { roleArn: `arn:aws:iam::${PAYMENTS_PROD}:role/AssumableAdmin`, roleSessionName: "x" },
        },
        {
          eventName: "PutBucketPolicy",
          eventSource: "s3.amazonaws.com",
          eventTime: t(200),
          userIdentity: { type: "IAMUser", userName: "breakglass-admin", arn: `arn:aws:iam::${BASTION}:user/breakglass-admin` },
        },
        {
          eventName: "DescribeInstances",
          eventSource: "ec2.amazonaws.com",
          eventTime: t(300),
          userIdentity: { type: "IAMUser", userName: "someone", arn: `arn:aws:iam::${BASTION}:user/someone` },
        },
      ],
    });
    const secondNow = new Date(Date.now() - 1000);
    const already = await database.db.cloudTrailEvent.count();

    // When the sweep runs again
    const second = await ingestCloudTrail(database.db, {
      config: makeSimAwsConfig(sim.url),
      accounts,
      regions: REGIONS,
      now: secondNow,
      settings,
      managementAccountId: mgmt,
    });

    // Then it saw only the overlap and what came after, and stored only what was new
    const window = expectedKeys(sim, readable, firstNow.getTime() - DEFAULT_OVERLAP_MS, secondNow.getTime());
    expect(second.eventsSeen).toBe(window.size);
    expect(second.eventsSeen).toBeLessThan(first.eventsSeen);
    const stored = new Set(
      (await database.db.cloudTrailEvent.findMany({ select: { eventId: true, accountId: true } })).map(
        (e) => `${e.eventId}|${e.accountId}`,
      ),
    );
    for (const key of window) expect(stored.has(key), key).toBe(true);
    expect(second.eventsNew).toBe(stored.size - already);
    expect(stored.has(`${added[0]!.eventId}|${BASTION}`)).toBe(true);
    expect(stored.has(`${added[1]!.eventId}|${BASTION}`)).toBe(true);
    expect(stored.has(`${added[2]!.eventId}|${BASTION}`)).toBe(false);

    // …and re-reading the same window stores nothing twice
    const third = await ingestCloudTrail(database.db, {
      config: makeSimAwsConfig(sim.url),
      accounts: [BASTION],
      regions: REGIONS,
      now: secondNow,
      settings,
      managementAccountId: mgmt,
    });
    expect(third).toMatchObject({ status: "COMPLETE", eventsNew: 0 });
  }, 180_000);

  it("keeps the IAM and Identity Center changes, with who, when and from where, readable per role", async () => {
    // Given changes, reads and another service's write in payments-prod
    const at = new Date(Date.now() - 60_000);
    const caller = {
      type: "AssumedRole",
      arn: `arn:aws:sts::${PAYMENTS_PROD}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com`,
      accountId: PAYMENTS_PROD,
    };
    const change = (eventSource: string, eventName: string, readOnly: boolean, requestParameters: Record<string, unknown>) => ({
      eventName,
      eventSource,
      eventTime: at.toISOString(),
      readOnly,
      userIdentity: caller,
      sourceIPAddress: "203.0.113.44",
      userAgent: "aws-cli/2.17.20",
      requestParameters,
    });
    const permissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";
    const [trustChange, read, assignment, ec2] = sim.admin.addCloudTrailEvents(PAYMENTS_PROD, {
      region: CHANGES_REGION,
      events: [
        change("iam.amazonaws.com", "UpdateAssumeRolePolicy", false, { roleName: "AssumableAdmin", policyDocument: '{"Statement":[]}' }),
        change("iam.amazonaws.com", "GetRole", true, { roleName: "AssumableAdmin" }),
        change("sso.amazonaws.com", "CreateAccountAssignment", false, {
          instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef",
          targetId: PAYMENTS_PROD,
          targetType: "AWS_ACCOUNT",
          permissionSetArn,
          principalType: "GROUP",
          principalId: "9067d8a1-b2c3-4d5e-8f90-123456789abc",
        }),
        change("ec2.amazonaws.com", "RunInstances", false, {}),
      ],
    });
    const [elsewhere] = sim.admin.addCloudTrailEvents(PAYMENTS_PROD, {
      region: "eu-west-1",
      events: [change("iam.amazonaws.com", "DeleteRole", false, { roleName: "AssumableAdmin" })],
    });

    // When the account is swept
    const result = await ingestCloudTrail(database.db, {
      config: makeSimAwsConfig(sim.url),
      accounts: [PAYMENTS_PROD],
      regions: REGIONS,
      now: new Date(Date.now() - 1000),
      since: new Date(at.getTime() - 1000),
      settings,
    });
    expect(result.status).toBe("COMPLETE");

    // Then the writes of IAM and Identity Center are kept, read back per resource; reads, EC2 and the other region are not read
    const stored = async (id: string) => database.db.cloudTrailEvent.count({ where: { eventId: id } });
    expect(await stored(trustChange!.eventId)).toBe(1);
    expect(await stored(assignment!.eventId)).toBe(1);
    expect(await stored(read!.eventId)).toBe(0);
    expect(await stored(ec2!.eventId)).toBe(0);
    expect(await stored(elsewhere!.eventId)).toBe(0);
    const roleArn = `arn:aws:iam::${PAYMENTS_PROD}:role/team/AssumableAdmin`;
    const changes = await findChangeEvents(database.db, { resource: roleArn, from: new Date(at.getTime() - 1), to: new Date() });
    expect(changes).toEqual([
      expect.objectContaining({
        eventId: trustChange!.eventId,
        eventName: "UpdateAssumeRolePolicy",
        actorArn: caller.arn,
        identityCenterUser: "alice@example.com",
        permissionSetName: "AdministratorAccess",
        sourceIp: "203.0.113.44",
        userAgent: "aws-cli/2.17.20",
        eventTime: at,
        requestParameters: { roleName: "AssumableAdmin", policyDocument: '{"Statement":[]}' },
      }),
    ]);
    expect(await findChangeEvents(database.db, { resource: roleArn, to: at })).toEqual([]);
    expect((await findChangeEvents(database.db, { resource: permissionSetArn })).map((e) => e.eventName)).toEqual([
      "CreateAccountAssignment",
    ]);
    expect((await findChangeEvents(database.db, { resource: PAYMENTS_PROD })).map((e) => e.eventName)).toEqual(["CreateAccountAssignment"]);
    const run = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: result.runId } });
    const calls = (run.stats as { apiCalls: Record<string, number> }).apiCalls["cloudtrail:LookupEvents"];
    // one query per sign-in event name and designated user in each region, plus the four change sources in us-east-1 only
    expect(calls).toBe((SIGN_IN_EVENT_NAMES.length + designated.size) * REGIONS.length + CHANGE_EVENT_SOURCES.length);
  }, 180_000);

  it("absorbs throttling: a LookupEvents limit below the pacing rate costs retries, not events", async () => {
    sim.admin.setFaults({
      rateLimits: [{ service: "cloudtrail", operation: "LookupEvents", ratePerSecond: 1, burst: 1, scope: "account-region" }],
    });
    const since = new Date(firstNow.getTime() - 3 * 24 * 3600 * 1000);
    const result = await ingestCloudTrail(database.db, {
      config: makeSimAwsConfig(sim.url),
      accounts: [BASTION],
      regions: ["us-east-1"],
      now: firstNow,
      since,
      settings,
    });
    expect(result).toMatchObject({ status: "COMPLETE", errors: [], eventsNew: 0 });
    expect(result.eventsSeen).toBe(
      expectedKeys(sim, [BASTION], since.getTime(), firstNow.getTime()).size -
        (REGIONS.length > 1 ? countIn(sim, BASTION, "eu-west-1", since, firstNow) : 0),
    );
    const run = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect((run.stats as { retries: Record<string, number> }).retries.cloudtrail).toBeGreaterThan(0);
  }, 180_000);

  it("an abort after some accounts were read ends the run FAILED with the reason, not PARTIAL with a gap", async () => {
    // Given a sweep of two units read one at a time, aborted as soon as the first is stored
    sim.admin.setFaults({ rateLimits: "aws" });
    const controller = new AbortController();
    const since = new Date(firstNow.getTime() - 24 * 3600 * 1000);
    const before = await database.db.cloudTrailWatermark.findMany({ where: { accountId: BASTION }, orderBy: { region: "asc" } });
    const run = ingestCloudTrail(database.db, {
      config: makeSimAwsConfig(sim.url, { concurrency: { cloudTrail: 1 } }),
      accounts: [BASTION],
      regions: REGIONS,
      now: new Date(Date.now() - 1000),
      since,
      settings,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error("job exceeded its expiry")),
    });

    // Then the sweep throws the reason, the run records it as its only error, and the second unit's watermark stays put
    await expect(run).rejects.toThrow("job exceeded its expiry");
    const last = await database.db.cloudTrailIngestRun.findFirstOrThrow({ where: { source: "LOOKUP_EVENTS" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ status: "FAILED", errors: [{ code: "Error", message: "job exceeded its expiry" }] });
    const after = await database.db.cloudTrailWatermark.findMany({ where: { accountId: BASTION }, orderBy: { region: "asc" } });
    const moved = after.filter((mark, i) => mark.lastEventTime.getTime() !== before[i]?.lastEventTime.getTime());
    expect(moved).toHaveLength(1);
  }, 180_000);
});

function countIn(sim: SimServer, accountId: string, region: string, from: Date, to: Date): number {
  return sim.state.cloudTrail
    .list(accountId, region)
    .filter((r) => r.eventTime >= from && r.eventTime <= to)
    .filter((r) => isSelected(r, region)).length;
}
