import { record, tls, type ClientInfo, type DeliveredEvent } from "./event-record";
import type { EventIds } from "./event-ids";
import { isoSecondsZ, lookupUsername, userIdentityOf, type EventActor } from "./event-actor";

/** Any other management API call by an actor. */
export function apiCallEvent(input: {
  ids: EventIds;
  actor: EventActor;
  eventSource: string;
  eventName: string;
  isReadOnly: boolean;
  requestParameters: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  resources?: Array<{ type: string; arn: string }>;
  at: Date;
  region: string;
  client: ClientInfo;
}): DeliveredEvent {
  const { ids, actor, at } = input;
  const service = input.eventSource.replace(".amazonaws.com", "");
  const body = {
    eventVersion: "1.08",
    userIdentity: userIdentityOf(actor, at),
    eventTime: isoSecondsZ(at),
    eventSource: input.eventSource,
    eventName: input.eventName,
    awsRegion: input.region,
    sourceIPAddress: input.client.sourceIp,
    userAgent: input.client.userAgent,
    requestParameters: input.requestParameters,
    responseElements: input.responseElements ?? null,
    requestID: ids.uuid(),
    eventID: ids.uuid(),
    readOnly: input.isReadOnly,
    ...(input.resources ? { resources: input.resources.map((r) => ({ accountId: actor.accountId, type: r.type, ARN: r.arn })) } : {}),
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: actor.accountId,
    eventCategory: "Management",
    tlsDetails: tls(service === "iam" ? "iam.amazonaws.com" : `${service}.${input.region}.amazonaws.com`),
  };
  return {
    accountId: actor.accountId,
    region: input.region,
    record: record(body, {
      eventTime: at,
      accessKeyId: actor.accessKeyId,
      username: lookupUsername(actor),
      resources: (input.resources ?? []).map((r) => ({ type: r.type, name: r.arn })),
      readOnly: input.isReadOnly,
    }),
  };
}
