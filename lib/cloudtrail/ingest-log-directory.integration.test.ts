import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { findChangeEvents, findTrailEvents, getAssumeRoleTimeSeries, ingestCloudTrailLogDirectory, type CloudTrailSettings } from ".";

const ACCOUNT = "111122223333";
const settings: CloudTrailSettings = { lookbackDays: 90, regions: null, breakglassUsers: ["breakglass-1"], automationUsers: [] };

function makeRecord(id: string, overrides: Record<string, unknown> = {}) {
  return {
    eventVersion: "1.08",
    eventID: id,
    eventTime: "2026-08-07T09:15:41Z",
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    awsRegion: "us-east-1",
    recipientAccountId: ACCOUNT,
    userIdentity: {
      type: "AssumedRole",
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com`,
      accountId: ACCOUNT,
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          arn: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef`,
        },
        attributes: { mfaAuthenticated: "false" },
      },
    },
    requestParameters: { roleArn: "arn:aws:iam::444455556666:role/TeamAuditRole", roleSessionName: "alice@example.com" },
    ...overrides,
  };
}

describe("ingestCloudTrailLogDirectory", () => {
  const database = useTestDatabase();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vigil-trail-"));
    const deep = join(dir, "AWSLogs", ACCOUNT, "CloudTrail", "us-east-1", "2026", "08", "07");
    await mkdir(deep, { recursive: true });
    // Given a gzipped S3 log file with two role assumptions and one unrelated event…
    await writeFile(
      join(deep, `${ACCOUNT}_CloudTrail_us-east-1_20260807T0915Z_a.json.gz`),
      gzipSync(
        JSON.stringify({
          Records: [
            makeRecord("a-1"),
            makeRecord("a-2", { eventTime: "2026-08-07T10:05:00Z", errorCode: "AccessDenied", errorMessage: "not allowed" }),
            makeRecord("a-3", { eventName: "DescribeInstances", eventSource: "ec2.amazonaws.com" }),
          ],
        }),
      ),
    );
    // …a plain file with a break-glass user's ordinary call and a console sign-in…
    await writeFile(
      join(deep, "b.json"),
      JSON.stringify({
        Records: [
          makeRecord("b-1", {
            eventName: "PutBucketPolicy",
            eventSource: "s3.amazonaws.com",
            userIdentity: {
              type: "IAMUser",
              arn: `arn:aws:iam::${ACCOUNT}:user/breakglass-1`,
              accountId: ACCOUNT,
              userName: "breakglass-1",
            },
          }),
          makeRecord("b-2", {
            eventName: "ConsoleLogin",
            eventSource: "signin.amazonaws.com",
            eventTime: "2026-08-08T01:00:00Z",
            requestParameters: null,
            responseElements: { ConsoleLogin: "Success" },
            additionalEventData: { MFAUsed: "Yes" },
            userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${ACCOUNT}:user/anaya`, accountId: ACCOUNT, userName: "anaya" },
          }),
        ],
      }),
    );
    // …and a saved `lookup-events` output, in a folder that names the account.
    const lookups = join(dir, "lookup-events", ACCOUNT, "eu-west-1");
    await mkdir(lookups, { recursive: true });
    const saml = makeRecord("c-1", { eventName: "AssumeRoleWithSAML", awsRegion: "eu-west-1", eventTime: "2026-08-07T09:12:03Z" });
    await writeFile(
      join(lookups, "events.json"),
      JSON.stringify({
        Events: [
          {
            EventId: "c-1",
            EventName: "AssumeRoleWithSAML",
            EventTime: 1786093923,
            EventSource: "sts.amazonaws.com",
            CloudTrailEvent: JSON.stringify(saml),
          },
        ],
      }),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the selected events from every file at any depth, and a second pass adds nothing", async () => {
    const first = await ingestCloudTrailLogDirectory(database.db, dir, { settings });
    expect(first).toMatchObject({ status: "COMPLETE", files: 3, eventsSeen: 5, eventsNew: 5 });

    const second = await ingestCloudTrailLogDirectory(database.db, dir, { settings });
    expect(second).toMatchObject({ status: "COMPLETE", eventsSeen: 5, eventsNew: 0 });
    expect(await database.db.cloudTrailEvent.count()).toBe(5);

    const run = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ source: "S3_LOG_FILE", status: "COMPLETE", eventsNew: 5 });
  });

  it("finds events by name, actor, target role, outcome and time, newest first", async () => {
    const assumed = await findTrailEvents(database.db, { filters: { eventName: ["AssumeRole", "AssumeRoleWithSAML"] } });
    expect(assumed.items.map((e) => e.eventId)).toEqual(["a-2", "a-1", "c-1"]);

    const failed = await findTrailEvents(database.db, { filters: { success: false } });
    expect(failed.items.map((e) => e.eventId)).toEqual(["a-2"]);

    const byActor = await findTrailEvents(database.db, { filters: { actor: "ALICE@example" } });
    expect(byActor.total).toBe(3);

    const byRole = await findTrailEvents(database.db, { filters: { targetRole: "TeamAuditRole", from: "2026-08-07T10:00:00Z" } });
    expect(byRole.items.map((e) => e.eventId)).toEqual(["a-2"]);

    const paged = await findTrailEvents(database.db, { sort: { field: "eventTime", direction: "asc" }, page: { page: 2, pageSize: 2 } });
    expect(paged.total).toBe(5);
    expect(paged.items).toHaveLength(2);
    expect(paged.items[0]).not.toHaveProperty("raw");

    const signIn = await findTrailEvents(database.db, { filters: { eventName: "ConsoleLogin" } });
    expect(signIn.items[0]).toMatchObject({ actorUserName: "anaya", mfaUsed: true, success: true });
    const saml = await findTrailEvents(database.db, { filters: { eventName: "AssumeRoleWithSAML" } });
    expect(saml.items[0]).toMatchObject({ accountId: ACCOUNT, source: "LOOKUP_EVENTS" });
  });

  it("counts role assumptions per hour with empty buckets as zeros", async () => {
    const series = await getAssumeRoleTimeSeries(database.db, { from: "2026-08-07T08:00:00Z", to: "2026-08-07T12:00:00Z", bucket: "hour" });
    expect(series).toEqual([
      { t: "2026-08-07T08:00:00.000Z", assumeRole: 0, assumeRoleWithSaml: 0, failed: 0 },
      { t: "2026-08-07T09:00:00.000Z", assumeRole: 1, assumeRoleWithSaml: 1, failed: 0 },
      { t: "2026-08-07T10:00:00.000Z", assumeRole: 1, assumeRoleWithSaml: 0, failed: 1 },
      { t: "2026-08-07T11:00:00.000Z", assumeRole: 0, assumeRoleWithSaml: 0, failed: 0 },
    ]);
    const daily = await getAssumeRoleTimeSeries(database.db, {
      from: "2026-08-07T00:00:00Z",
      to: "2026-08-09T00:00:00Z",
      bucket: "day",
      accountId: ACCOUNT,
    });
    expect(daily.map((p) => p.assumeRole + p.assumeRoleWithSaml)).toEqual([3, 0]);
  });

  it("a file that is not JSON is recorded, the others still land, and the run is PARTIAL", async () => {
    const bad = join(dir, "AWSLogs", "broken.json");
    await writeFile(bad, '{"Records":[{"eventID":');
    const result = await ingestCloudTrailLogDirectory(database.db, dir, { settings });
    expect(result.status).toBe("PARTIAL");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.file).toBe(bad);
    expect(result.eventsSeen).toBe(5);
    await rm(bad);
  });

  it("decides gzip by the bytes, not the name: a gzipped file named .json and a plain file named .json.gz both land, normalised", async () => {
    // Given two files whose extensions lie about their compression
    const renamed = join(dir, "renamed");
    await mkdir(renamed);
    await writeFile(join(renamed, "gzipped.json"), gzipSync(JSON.stringify({ Records: [makeRecord("gzip-named-json")] })));
    await writeFile(join(renamed, "plain.json.gz"), JSON.stringify({ Records: [makeRecord("plain-named-gz")] }));

    // When the folder is ingested
    const result = await ingestCloudTrailLogDirectory(database.db, renamed, { settings });

    // Then both files are read, and their events stored with the permission set of their Identity Center role
    expect(result).toMatchObject({ status: "COMPLETE", files: 2, eventsNew: 2, errors: [] });
    const stored = await database.db.cloudTrailEvent.findMany({
      where: { eventId: { in: ["gzip-named-json", "plain-named-gz"] } },
      orderBy: { eventId: "asc" },
    });
    expect(stored.map((e) => [e.eventId, e.permissionSetName, e.source])).toEqual([
      ["gzip-named-json", "AdministratorAccess", "S3_LOG_FILE"],
      ["plain-named-gz", "AdministratorAccess", "S3_LOG_FILE"],
    ]);
  });

  it("keeps the writes of IAM, Identity Center, Identity Store and Organizations from log files, and none of their reads", async () => {
    // Given a log file with a trust-policy change, a group membership, an SCP attachment, a read and an EC2 write
    const changes = join(dir, "changes");
    await mkdir(changes);
    const write = (id: string, eventSource: string, eventName: string, requestParameters: Record<string, unknown>, readOnly = false) =>
      makeRecord(id, {
        eventSource,
        eventName,
        readOnly,
        eventTime: "2026-08-09T12:00:00Z",
        sourceIPAddress: "198.51.100.9",
        userAgent: "console.amazonaws.com",
        requestParameters,
      });
    await writeFile(
      join(changes, "changes.json"),
      JSON.stringify({
        Records: [
          write("w-1", "iam.amazonaws.com", "UpdateAssumeRolePolicy", { roleName: "TeamAuditRole", policyDocument: "{}" }),
          write("w-2", "identitystore.amazonaws.com", "CreateGroupMembership", {
            identityStoreId: "d-1234567890",
            groupId: "g-admins",
            memberId: { userId: "u-bob" },
          }),
          write("w-3", "organizations.amazonaws.com", "AttachPolicy", { policyId: "p-denyleave1", targetId: "ou-exam-abcdefgh" }),
          write("w-4", "iam.amazonaws.com", "GetRole", { roleName: "TeamAuditRole" }, true),
          write("w-5", "ec2.amazonaws.com", "RunInstances", {}),
        ],
      }),
    );

    // When the folder is ingested
    const result = await ingestCloudTrailLogDirectory(database.db, changes, { settings });

    // Then the three changes are stored and each is found through what it changed
    expect(result).toMatchObject({ status: "COMPLETE", eventsNew: 3 });
    const trust = await findChangeEvents(database.db, { resource: `arn:aws:iam::${ACCOUNT}:role/TeamAuditRole` });
    expect(trust).toEqual([
      expect.objectContaining({
        eventId: "w-1",
        eventName: "UpdateAssumeRolePolicy",
        sourceIp: "198.51.100.9",
        identityCenterUser: "alice@example.com",
      }),
    ]);
    expect((await findChangeEvents(database.db, { resource: "identitystore:group/g-admins" })).map((e) => e.eventId)).toEqual(["w-2"]);
    expect((await findChangeEvents(database.db, { resource: "p-denyleave1" })).map((e) => e.eventId)).toEqual(["w-3"]);
    expect(await database.db.cloudTrailEvent.count({ where: { eventId: { in: ["w-4", "w-5"] } } })).toBe(0);
  });
});
