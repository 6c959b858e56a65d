import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { CloudTrailRecord } from "../model/cloudtrail";
import type { SimState } from "../model/state";
import { CLOUDTRAIL_EVENTS_INPUT, type CloudTrailEventsInput } from "./admin-inputs";

const EVENT_BODY = z
  .object({
    eventID: z.string().optional(),
    eventName: z.string(),
    eventSource: z.string(),
    eventTime: z.string().datetime(),
    readOnly: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
    userIdentity: z
      .object({
        accessKeyId: z.string().optional(),
        userName: z.string().optional(),
        arn: z.string().optional(),
        type: z.string().optional(),
      })
      .loose()
      .optional(),
    resources: z.array(z.object({ type: z.string().optional(), ARN: z.string().optional() }).loose()).optional(),
  })
  .loose();

/** LookupEvents' `Username`: the IAM user name, or the session name of an assumed role. */
function usernameOf(identity: z.infer<typeof EVENT_BODY>["userIdentity"]): string | undefined {
  if (identity?.userName !== undefined) return identity.userName;
  if (identity?.type === "AssumedRole" && identity.arn !== undefined) return identity.arn.split("/").pop();
  return undefined;
}

/** Adds raw CloudTrail records (as AWS writes them) to an account's trail in one region. */
export function addCloudTrailEvents(state: SimState, accountId: string, raw: CloudTrailEventsInput): CloudTrailRecord[] {
  const input = CLOUDTRAIL_EVENTS_INPUT.parse(raw);
  if (!state.accounts.some((a) => a.id === accountId)) throw new Error(`unknown account ${accountId}`);
  const added: CloudTrailRecord[] = [];
  for (const rawEvent of input.events) {
    const event = EVENT_BODY.parse(rawEvent);
    const eventId = event.eventID ?? randomUUID();
    const body: Record<string, unknown> = {
      ...rawEvent,
      eventID: eventId,
      awsRegion: rawEvent.awsRegion ?? input.region,
      recipientAccountId: rawEvent.recipientAccountId ?? accountId,
    };
    const record: CloudTrailRecord = {
      eventId,
      eventName: event.eventName,
      eventSource: event.eventSource,
      eventTime: new Date(event.eventTime),
      readOnly: event.readOnly === true || event.readOnly === "true",
      accessKeyId: event.userIdentity?.accessKeyId,
      username: usernameOf(event.userIdentity),
      resources: (event.resources ?? []).filter((r) => r.ARN !== undefined).map((r) => ({ type: r.type ?? "", name: r.ARN as string })),
      body,
    };
    state.cloudTrail.add(accountId, input.region, record);
    added.push(record);
  }
  return added;
}
