import { record, tls, type ClientInfo, type DeliveredEvent } from "./event-record";
import type { EventIds } from "./event-ids";
import { isoSecondsZ, lookupUsername, userIdentityOf, type EventActor } from "./event-actor";

/** The services whose changes Vigil reads back as "who changed it". */
export type WriteEventSource = "iam.amazonaws.com" | "sso.amazonaws.com" | "identitystore.amazonaws.com" | "organizations.amazonaws.com";

export interface WriteEventShape {
  eventSource: WriteEventSource;
  eventName: string;
  /** Exactly as AWS writes them (camelCase members; secrets replaced, see hiddenSecret). */
  requestParameters: Record<string, unknown>;
  responseElements?: Record<string, unknown> | null;
  /** What LookupEvents lists under `Resources` (IAM names the entity by name, others by ARN or id). */
  lookupResources: Array<{ type: string; name: string }>;
}

/** CloudTrail never records a password or secret; it writes this in its place. */
export const HIDDEN_DUE_TO_SECURITY_REASONS = "HIDDEN_DUE_TO_SECURITY_REASONS";

/** IAM and Organizations are global services served from us-east-1; their events are recorded there. */
export function regionOfWrite(source: WriteEventSource, identityCenterRegion: string): string {
  return source === "iam.amazonaws.com" || source === "organizations.amazonaws.com" ? "us-east-1" : identityCenterRegion;
}

function hostOf(source: WriteEventSource, region: string): string {
  const service = source.replace(".amazonaws.com", "");
  if (service === "iam") return "iam.amazonaws.com";
  if (service === "organizations") return "organizations.us-east-1.amazonaws.com";
  return `${service}.${region}.amazonaws.com`;
}

/** A management write event (readOnly false) as CloudTrail delivers it to the actor's account. */
export function writeEvent(input: {
  ids: EventIds;
  actor: EventActor;
  shape: WriteEventShape;
  at: Date;
  region: string;
  client: ClientInfo;
}): DeliveredEvent {
  const { ids, actor, shape, at, region } = input;
  const body = {
    eventVersion: "1.08",
    userIdentity: userIdentityOf(actor, at),
    eventTime: isoSecondsZ(at),
    eventSource: shape.eventSource,
    eventName: shape.eventName,
    awsRegion: region,
    sourceIPAddress: input.client.sourceIp,
    userAgent: input.client.userAgent,
    requestParameters: shape.requestParameters,
    responseElements: shape.responseElements ?? null,
    requestID: ids.uuid(),
    eventID: ids.uuid(),
    readOnly: false,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: actor.accountId,
    eventCategory: "Management",
    tlsDetails: tls(hostOf(shape.eventSource, region)),
  };
  return {
    accountId: actor.accountId,
    region,
    record: record(body, {
      eventTime: at,
      accessKeyId: actor.accessKeyId,
      username: lookupUsername(actor),
      resources: shape.lookupResources,
      readOnly: false,
    }),
  };
}
