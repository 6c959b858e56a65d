import { record, tls, type ClientInfo, type DeliveredEvent, type RoleRef } from "./event-record";
import type { EventIds } from "./event-ids";
import { humanExpiration, isoSecondsZ, lookupUsername, sessionArn, userIdentityOf, type EventActor } from "./event-actor";

export type { ClientInfo, DeliveredEvent } from "./event-record";
export { consoleLoginEvent, federateEvent } from "./sign-in-events";
export { apiCallEvent } from "./api-call-event";

/**
 * sts:AssumeRole. Same-account calls produce one record; cross-account calls deliver a copy to each
 * side with a shared id, and the role's side only sees the calling account (`AWSAccount`).
 */
export function assumeRoleEvents(input: {
  ids: EventIds;
  actor: EventActor;
  role: RoleRef;
  sessionName: string;
  durationSeconds: number;
  externalId?: string;
  at: Date;
  region: string;
  client: ClientInfo;
  issuedKeyId?: string;
  errorCode?: string;
}): DeliveredEvent[] {
  const { ids, actor, role, at } = input;
  const issuedKeyId = input.issuedKeyId ?? ids.temporaryKeyId();
  const isCrossAccount = actor.accountId !== role.accountId;
  const shared = isCrossAccount ? ids.uuid() : undefined;
  const requestId = ids.uuid();
  const base = {
    eventVersion: "1.08",
    eventTime: isoSecondsZ(at),
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    awsRegion: input.region,
    sourceIPAddress: input.client.sourceIp,
    userAgent: input.client.userAgent,
    requestParameters: {
      roleArn: role.roleArn,
      roleSessionName: input.sessionName,
      durationSeconds: input.durationSeconds,
      ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    },
    ...(input.errorCode !== undefined
      ? {
          errorCode: input.errorCode,
          errorMessage: `User: ${actor.type === "IAMUser" ? actor.arn : sessionArn(actor.accountId, actor.roleName, actor.sessionName)} is not authorized to perform: sts:AssumeRole on resource: ${role.roleArn}`,
          responseElements: null,
        }
      : {
          responseElements: {
            credentials: {
              accessKeyId: issuedKeyId,
              sessionToken: ids.sessionToken(),
              expiration: humanExpiration(new Date(at.getTime() + input.durationSeconds * 1000)),
            },
            assumedRoleUser: {
              assumedRoleId: `${role.roleId}:${input.sessionName}`,
              arn: sessionArn(role.accountId, role.roleName, input.sessionName),
            },
          },
        }),
    requestID: requestId,
    readOnly: true,
    resources: [{ accountId: role.accountId, type: "AWS::IAM::Role", ARN: role.roleArn }],
    eventType: "AwsApiCall",
    managementEvent: true,
    eventCategory: "Management",
    tlsDetails: tls(input.region === "us-east-1" ? "sts.amazonaws.com" : `sts.${input.region}.amazonaws.com`),
  };
  const lookup = {
    eventTime: at,
    accessKeyId: actor.accessKeyId,
    username: lookupUsername(actor),
    resources: [{ type: "AWS::IAM::Role", name: role.roleArn }],
    readOnly: true,
  };
  const callerCopy = {
    ...base,
    userIdentity: userIdentityOf(actor, at),
    eventID: ids.uuid(),
    recipientAccountId: actor.accountId,
    ...(shared ? { sharedEventID: shared } : {}),
  };
  const delivered: DeliveredEvent[] = [{ accountId: actor.accountId, region: input.region, record: record(callerCopy, lookup) }];
  if (isCrossAccount) {
    const principalId = actor.type === "IAMUser" ? actor.userId : `${actor.roleId}:${actor.sessionName}`;
    const roleCopy = {
      ...base,
      userIdentity: { type: "AWSAccount", principalId, accountId: actor.accountId },
      eventID: ids.uuid(),
      recipientAccountId: role.accountId,
      sharedEventID: shared,
    };
    delivered.push({ accountId: role.accountId, region: input.region, record: record(roleCopy, { ...lookup, accessKeyId: undefined }) });
  }
  return delivered;
}

/** Identity Center signing a user into an AWSReservedSSO role (recorded in the member account). */
export function assumeRoleWithSamlEvent(input: {
  ids: EventIds;
  role: RoleRef;
  samlProviderArn: string;
  userName: string;
  nameQualifier: string;
  issuer: string;
  durationSeconds: number;
  at: Date;
  region: string;
  client: ClientInfo;
  issuedKeyId: string;
}): DeliveredEvent {
  const { ids, role, at } = input;
  const body = {
    eventVersion: "1.08",
    userIdentity: {
      type: "SAMLUser",
      principalId: `${input.nameQualifier}:${input.userName}`,
      userName: input.userName,
      identityProvider: input.nameQualifier,
    },
    eventTime: isoSecondsZ(at),
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRoleWithSAML",
    awsRegion: input.region,
    sourceIPAddress: input.client.sourceIp,
    userAgent: input.client.userAgent,
    requestParameters: {
      sAMLAssertionID: `_${ids.uuid().replace(/-/g, "")}`,
      roleSessionName: input.userName,
      durationSeconds: input.durationSeconds,
      roleArn: role.roleArn,
      principalArn: input.samlProviderArn,
    },
    responseElements: {
      credentials: {
        accessKeyId: input.issuedKeyId,
        sessionToken: ids.sessionToken(),
        expiration: humanExpiration(new Date(at.getTime() + input.durationSeconds * 1000)),
      },
      assumedRoleUser: {
        assumedRoleId: `${role.roleId}:${input.userName}`,
        arn: sessionArn(role.accountId, role.roleName, input.userName),
      },
      packedPolicySize: 0,
      subject: input.userName,
      subjectType: "persistent",
      issuer: input.issuer,
      audience: "https://signin.aws.amazon.com/saml",
      nameQualifier: input.nameQualifier,
    },
    requestID: ids.uuid(),
    eventID: ids.uuid(),
    readOnly: true,
    resources: [
      { ARN: role.roleArn, accountId: role.accountId, type: "AWS::IAM::Role" },
      { ARN: input.samlProviderArn, accountId: role.accountId, type: "AWS::IAM::SAMLProvider" },
    ],
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: role.accountId,
    eventCategory: "Management",
  };
  return {
    accountId: role.accountId,
    region: input.region,
    record: record(body, {
      eventTime: at,
      username: input.userName,
      resources: [
        { type: "AWS::IAM::Role", name: role.roleArn },
        { type: "AWS::IAM::SAMLProvider", name: input.samlProviderArn },
      ],
      readOnly: true,
    }),
  };
}
