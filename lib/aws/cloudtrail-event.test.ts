import { describe, expect, it } from "vitest";
import { normalizeTrailEvent } from "./cloudtrail-event";
import { makeSsoAssumeRoleRecord } from "./testing/cloudtrail-event";

describe("normalizeTrailEvent", () => {
  it("names the calling role, its permission set and the Identity Center user for an SSO session's AssumeRole", () => {
    const event = normalizeTrailEvent(makeSsoAssumeRoleRecord());
    expect(event).toMatchObject({
      key: "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
      eventTime: "2026-08-07T09:15:41.000Z",
      accountId: "111122223333",
      sourcePrincipal: {
        arn: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef",
        type: "Role",
        sessionName: "alice@example.com",
        identityCenter: { permissionSetName: "AdministratorAccess", userName: "alice@example.com" },
      },
      targetRoleArn: "arn:aws:iam::444455556666:role/TeamAuditRole",
      roleSessionName: "alice@example.com",
      targetIdentityCenter: null,
      mfaUsed: false,
      sourceIp: "203.0.113.10",
      success: true,
      errorCode: null,
    });
  });

  it("reports a denied AssumeRole as unsuccessful with its error code", () => {
    const event = normalizeTrailEvent(makeSsoAssumeRoleRecord({ errorCode: "AccessDenied", errorMessage: "not authorized" }));
    expect(event).toMatchObject({ success: false, errorCode: "AccessDenied", errorMessage: "not authorized" });
  });

  it("ties AssumeRoleWithSAML into a reserved role to the permission set and the SAML subject", () => {
    const event = normalizeTrailEvent({
      userIdentity: { type: "SAMLUser", principalId: "Xk2=:alice@example.com", userName: "alice@example.com", identityProvider: "Xk2=" },
      eventTime: "2026-08-07T09:12:03Z",
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRoleWithSAML",
      requestParameters: {
        roleSessionName: "alice@example.com",
        roleArn: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Data_Admin_0123456789abcdef",
      },
      eventID: "e1",
      recipientAccountId: "111122223333",
    });
    expect(event.targetIdentityCenter).toEqual({ permissionSetName: "Data_Admin" });
    expect(event.sourcePrincipal.identityCenter).toEqual({ permissionSetName: "Data_Admin", userName: "alice@example.com" });
  });

  it("reads MFA from a console sign-in and treats ConsoleLogin Failure as unsuccessful", () => {
    const base = {
      userIdentity: {
        type: "IAMUser",
        principalId: "AIDACKCEVSQ6C2EXAMPLE",
        arn: "arn:aws:iam::111122223333:user/anaya",
        userName: "anaya",
      },
      eventTime: "2022-11-10T16:24:34Z",
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      eventID: "c1",
      recipientAccountId: "111122223333",
    };
    const ok = normalizeTrailEvent({ ...base, responseElements: { ConsoleLogin: "Success" }, additionalEventData: { MFAUsed: "Yes" } });
    expect(ok).toMatchObject({ success: true, mfaUsed: true, sourcePrincipal: { arn: "arn:aws:iam::111122223333:user/anaya" } });
    const failed = normalizeTrailEvent({
      ...base,
      responseElements: { ConsoleLogin: "Failure" },
      errorMessage: "Failed authentication",
      additionalEventData: { MFAUsed: "No" },
    });
    expect(failed).toMatchObject({
      success: false,
      mfaUsed: false,
      errorCode: "ConsoleLoginFailure",
      errorMessage: "Failed authentication",
    });
  });
});
