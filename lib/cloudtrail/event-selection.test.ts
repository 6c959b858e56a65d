import { describe, expect, it } from "vitest";
import { normalizeTrailEvent } from "../aws";
import { isIngestedTrailEvent } from "./event-selection";
import { ingestRunStatus } from "./ingest-run";
import { REDACTED, scrubRawEvent, toEventRow } from "./to-event-row";

function makeRecord(overrides: Record<string, unknown> = {}) {
  return {
    eventVersion: "1.08",
    eventID: "e-1",
    eventTime: "2026-08-07T09:15:41Z",
    eventSource: "ec2.amazonaws.com",
    eventName: "RunInstances",
    awsRegion: "eu-west-1",
    recipientAccountId: "111122223333",
    userIdentity: {
      type: "IAMUser",
      arn: "arn:aws:iam::111122223333:user/ops/breakglass-1",
      accountId: "111122223333",
      userName: "breakglass-1",
    },
    ...overrides,
  };
}

describe("isIngestedTrailEvent", () => {
  it("keeps sign-in and role-assumption events whoever made them", () => {
    const event = normalizeTrailEvent(makeRecord({ eventName: "AssumeRole", eventSource: "sts.amazonaws.com" }));
    expect(isIngestedTrailEvent(event, new Set())).toBe(true);
  });

  it("keeps any event of a designated IAM user and drops other users' ordinary events", () => {
    const event = normalizeTrailEvent(makeRecord());
    expect(isIngestedTrailEvent(event, new Set(["breakglass-1"]))).toBe(true);
    expect(isIngestedTrailEvent(event, new Set(["someone-else"]))).toBe(false);
    expect(isIngestedTrailEvent(event, new Set())).toBe(false);
  });

  it("a role session named like a designated user is not that user", () => {
    const event = normalizeTrailEvent(
      makeRecord({
        userIdentity: { type: "AssumedRole", arn: "arn:aws:sts::111122223333:assumed-role/Ops/breakglass-1", userName: "breakglass-1" },
      }),
    );
    expect(isIngestedTrailEvent(event, new Set(["breakglass-1"]))).toBe(false);
  });
});

describe("toEventRow", () => {
  it("stores the raw record without the STS session token", () => {
    const record = makeRecord({
      eventName: "AssumeRole",
      requestParameters: { roleArn: "arn:aws:iam::444455556666:role/TeamAuditRole", roleSessionName: "alice" },
      responseElements: {
        credentials: { accessKeyId: "ASIAEXAMPLE", sessionToken: "IQoJb3JpZ2luX2VjSECRET", expiration: "Aug 7, 2026, 10:15:41 AM" },
      },
    });
    const row = toEventRow(normalizeTrailEvent(record), "S3_LOG_FILE");
    expect(JSON.stringify(row.raw)).not.toContain("IQoJb3JpZ2luX2VjSECRET");
    expect(JSON.stringify(row.raw)).toContain("ASIAEXAMPLE");
    expect(row).toMatchObject({
      eventId: "e-1",
      accountId: "111122223333",
      targetRoleArn: "arn:aws:iam::444455556666:role/TeamAuditRole",
      success: true,
    });
  });

  it("leaves records without credentials untouched", () => {
    const record = makeRecord();
    expect(scrubRawEvent(record)).toBe(record);
    expect(REDACTED).toMatch(/redacted/);
  });
});

describe("ingestRunStatus", () => {
  it("is COMPLETE with no failures, PARTIAL with some, FAILED when every unit failed", () => {
    expect(ingestRunStatus({ total: 4, failed: 0 })).toBe("COMPLETE");
    expect(ingestRunStatus({ total: 4, failed: 1 })).toBe("PARTIAL");
    expect(ingestRunStatus({ total: 4, failed: 4 })).toBe("FAILED");
  });
});
