import type { IsoDateTime, JsonObject } from "./types-common";

export interface TrailEvent {
  /** natural key: CloudTrail `eventID` (unique per delivered copy) */
  key: string;
  eventId: string;
  eventTime: IsoDateTime;
  eventName: string;
  eventSource: string;
  /** the record's `readOnly` (LookupEvents' `ReadOnly`); null when neither says */
  readOnly: boolean | null;
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
  /**
   * What a write event of IAM, Identity Center, Identity Store or Organizations changed, as
   * normalised keys (`changedResources`); empty for other events.
   */
  resources: string[];
  mfaUsed: boolean | null;
  sourceIp: string | null;
  userAgent: string | null;
  success: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  raw: JsonObject;
}
