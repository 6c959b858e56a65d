import { record, type ClientInfo, type DeliveredEvent } from "./event-record";
import type { EventIds } from "./event-ids";
import { isoSecondsZ, lookupUsername, userIdentityOf, type EventActor } from "./event-actor";

/** signin ConsoleLogin, for an IAM user (password) or a federated role session. */
export function consoleLoginEvent(input: {
  ids: EventIds;
  actor: EventActor;
  isMfaUsed: boolean;
  mfaSerial?: string;
  isSuccess: boolean;
  at: Date;
  region: string;
  client: ClientInfo;
}): DeliveredEvent {
  const { ids, actor, at } = input;
  const identity = userIdentityOf(actor, at);
  if (actor.type === "IAMUser") delete identity.accessKeyId;
  if (!input.isSuccess && actor.type === "IAMUser") {
    delete identity.arn;
    identity.accessKeyId = "";
  }
  const body = {
    eventVersion: "1.08",
    userIdentity: identity,
    eventTime: isoSecondsZ(at),
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: input.region,
    sourceIPAddress: input.client.sourceIp,
    userAgent: input.client.userAgent,
    requestParameters: null,
    responseElements: { ConsoleLogin: input.isSuccess ? "Success" : "Failure" },
    ...(input.isSuccess ? {} : { errorMessage: "Failed authentication" }),
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
      MobileVersion: "No",
      ...(input.isMfaUsed && input.mfaSerial !== undefined ? { MFAIdentifier: input.mfaSerial } : {}),
      MFAUsed: input.isMfaUsed ? "Yes" : "No",
    },
    eventID: ids.uuid(),
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    managementEvent: true,
    recipientAccountId: actor.accountId,
    eventCategory: "Management",
  };
  return {
    accountId: actor.accountId,
    region: input.region,
    record: record(body, { eventTime: at, username: lookupUsername(actor), resources: [], readOnly: false }),
  };
}

/** Portal sign-in: Identity Center federating a user into an account (management account, home region). */
export function federateEvent(input: {
  ids: EventIds;
  managementAccountId: string;
  identityStoreId: string;
  userId: string;
  userName: string;
  targetAccountId: string;
  permissionSetName: string;
  at: Date;
  region: string;
  client: ClientInfo;
}): DeliveredEvent {
  const { ids, at } = input;
  const body = {
    eventVersion: "1.08",
    userIdentity: {
      type: "IdentityCenterUser",
      accountId: input.managementAccountId,
      onBehalfOf: {
        userId: input.userId,
        identityStoreArn: `arn:aws:identitystore::${input.managementAccountId}:identitystore/${input.identityStoreId}`,
      },
      credentialId: ids.uuid(),
    },
    eventTime: isoSecondsZ(at),
    eventSource: "sso.amazonaws.com",
    eventName: "Federate",
    awsRegion: input.region,
    sourceIPAddress: input.client.sourceIp,
    userAgent: input.client.userAgent,
    requestParameters: null,
    responseElements: null,
    requestID: ids.uuid(),
    eventID: ids.uuid(),
    readOnly: false,
    eventType: "AwsServiceEvent",
    managementEvent: true,
    recipientAccountId: input.managementAccountId,
    serviceEventDetails: { role_name: input.permissionSetName, account_id: input.targetAccountId },
    eventCategory: "Management",
  };
  return {
    accountId: input.managementAccountId,
    region: input.region,
    record: record(body, { eventTime: at, username: input.userName, resources: [], readOnly: false }),
  };
}
