import { describe, expect, it } from "vitest";
import { normalizeTrailEvent } from "../aws";
import { isIngestedTrailEvent, writeEventSourcesFor } from "./event-selection";
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

describe("isIngestedTrailEvent for changes", () => {
  const change = (overrides: Record<string, unknown>) =>
    normalizeTrailEvent(
      makeRecord({
        eventSource: "iam.amazonaws.com",
        eventName: "UpdateAssumeRolePolicy",
        readOnly: false,
        requestParameters: { roleName: "TeamAdmin", policyDocument: "{}" },
        userIdentity: { type: "AssumedRole", arn: "arn:aws:sts::111122223333:assumed-role/Ops/alice" },
        ...overrides,
      }),
    );

  it("keeps a write event of IAM, Identity Center, Identity Store or Organizations whoever made it", () => {
    for (const eventSource of ["iam.amazonaws.com", "sso.amazonaws.com", "identitystore.amazonaws.com", "organizations.amazonaws.com"]) {
      expect(isIngestedTrailEvent(change({ eventSource }), new Set()), eventSource).toBe(true);
    }
  });

  it("drops their read events, events without readOnly and other services' writes", () => {
    expect(isIngestedTrailEvent(change({ eventName: "GetRole", readOnly: true }), new Set())).toBe(false);
    expect(isIngestedTrailEvent(change({ readOnly: undefined }), new Set())).toBe(false);
    expect(isIngestedTrailEvent(change({ eventSource: "ec2.amazonaws.com", eventName: "RunInstances" }), new Set())).toBe(false);
  });

  it("stores readOnly and what the event changed", () => {
    const row = toEventRow(change({}), "S3_LOG_FILE");
    expect(row).toMatchObject({ readOnly: false, resources: ["arn:aws:iam::111122223333:role/TeamAdmin"] });
  });
});

describe("writeEventSourcesFor", () => {
  it("asks for IAM and Organizations in the home region and Identity Center in its own region only", () => {
    const where = { homeRegion: "us-east-1", ssoRegion: "eu-west-1" };
    expect(writeEventSourcesFor("us-east-1", where)).toEqual(["iam.amazonaws.com", "organizations.amazonaws.com"]);
    expect(writeEventSourcesFor("eu-west-1", where)).toEqual(["sso.amazonaws.com", "identitystore.amazonaws.com"]);
    expect(writeEventSourcesFor("us-east-2", where)).toEqual([]);
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
