import type { IsoDateTime, JsonObject } from "./types-common";

export interface TrailEvent {
  /** natural key: CloudTrail `eventID` (unique per delivered copy) */
  key: string;
  eventId: string;
  eventTime: IsoDateTime;
  eventName: string;
  eventSource: string;
  awsRegion: string | null;
  /** recipientAccountId: the account whose trail holds this copy */
  accountId: string | null;
  actor: {
    type: string | null;
    arn: string | null;
    principalId: string | null;
    accountId: string | null;
    userName: string | null;
  };
  /**
   * Who really started it. For a role session: the role ARN (path included) and session name;
   * for Identity Center sessions also the permission set name and the Identity Center user name.
   */
  sourcePrincipal: {
    arn: string | null;
    type: string | null;
    sessionName: string | null;
    identityCenter: { permissionSetName: string; userName: string | null } | null;
  };
  targetRoleArn: string | null;
  roleSessionName: string | null;
  /** Identity Center data for the target role of an AssumeRole(WithSAML) into a reserved role */
  targetIdentityCenter: { permissionSetName: string } | null;
  mfaUsed: boolean | null;
  sourceIp: string | null;
  userAgent: string | null;
  success: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  raw: JsonObject;
}
