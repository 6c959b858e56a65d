/** Test factories for CloudTrail records. */
// Condensed from AWS-WIRE §6.2.1–6.2.3.
export function makeSsoAssumeRoleRecord(overrides: Record<string, unknown> = {}) {
  return {
    eventVersion: "1.08",
    userIdentity: {
      type: "AssumedRole",
      principalId: "AROAEXAMPLESSOROLE001:alice@example.com",
      arn: "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com",
      accountId: "111122223333",
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          arn: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef",
          userName: "AWSReservedSSO_AdministratorAccess_0123456789abcdef",
        },
        attributes: { creationDate: "2026-08-07T09:12:03Z", mfaAuthenticated: "false" },
      },
    },
    eventTime: "2026-08-07T09:15:41Z",
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.10",
    userAgent: "aws-cli/2.17.20",
    requestParameters: {
      roleArn: "arn:aws:iam::444455556666:role/TeamAuditRole",
      roleSessionName: "alice@example.com",
      durationSeconds: 3600,
    },
    eventID: "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
    recipientAccountId: "111122223333",
    ...overrides,
  };
}
