import { z } from "zod";
import type { CloudTrailRecord } from "../model/cloudtrail";
import { AwsError } from "../protocol/aws-error";
import { parseJsonInput, readPageSize } from "../protocol/json-input";
import { fingerprint, paginate } from "../protocol/pagination";
import { epochSeconds, type JsonHandler } from "../protocol/request-context";

const LOOKUP_KEYS = ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"] as const;
type LookupKey = (typeof LOOKUP_KEYS)[number];

const RETENTION_MS = 90 * 24 * 3600 * 1000;

const INPUT = z
  .object({
    LookupAttributes: z.array(z.object({ AttributeKey: z.string(), AttributeValue: z.string() })).optional(),
    StartTime: z.number().optional(),
    EndTime: z.number().optional(),
    EventCategory: z.string().optional(),
    MaxResults: z.number().optional(),
    NextToken: z.string().optional(),
  })
  .loose();

const invalidAttributes = (message: string) => new AwsError("InvalidLookupAttributesException", message, 400);

const serialized = new WeakMap<CloudTrailRecord, string>();

function cloudTrailEventJson(record: CloudTrailRecord): string {
  let text = serialized.get(record);
  if (text === undefined) {
    text = JSON.stringify(record.body);
    serialized.set(record, text);
  }
  return text;
}

function attributeMatcher(key: LookupKey, value: string): (r: CloudTrailRecord) => boolean {
  switch (key) {
    case "EventId":
      return (r) => r.eventId === value;
    case "EventName":
      return (r) => r.eventName === value;
    case "ReadOnly":
      return (r) => String(r.readOnly) === value.toLowerCase();
    case "Username":
      return (r) => r.username === value;
    case "ResourceType":
      return (r) => r.resources.some((res) => res.type === value);
    case "ResourceName":
      return (r) => r.resources.some((res) => res.name === value);
    case "EventSource":
      return (r) => r.eventSource === value;
    case "AccessKeyId":
      return (r) => r.accessKeyId === value;
  }
}

const lookupEvents: JsonHandler = (ctx, input) => {
  const args = parseJsonInput(INPUT, input, (m) => new AwsError("ValidationException", m, 400));
  const attributes = args.LookupAttributes ?? [];
  if (attributes.length > 1) throw invalidAttributes("You cannot specify more than one lookup attribute.");
  const attribute = attributes[0];
  if (attribute !== undefined && !(LOOKUP_KEYS as readonly string[]).includes(attribute.AttributeKey)) {
    throw invalidAttributes(`Invalid lookup attribute key: ${attribute.AttributeKey}`);
  }
  if (args.StartTime !== undefined && args.EndTime !== undefined && args.StartTime > args.EndTime) {
    throw new AwsError("InvalidTimeRangeException", "Start time must be earlier than end time.", 400);
  }
  const limit = readPageSize(
    args.MaxResults,
    { min: 1, max: 50, fallback: 50, name: "maxResults" },
    (m) => new AwsError("InvalidMaxResultsException", m, 400),
  );
  if (args.EventCategory !== undefined && args.EventCategory !== "insight") {
    throw new AwsError("InvalidEventCategoryException", `Invalid event category ${args.EventCategory}`, 400);
  }
  const horizon = ctx.state.now.getTime() - RETENTION_MS;
  const start = Math.max(horizon, args.StartTime !== undefined ? args.StartTime * 1000 : -Infinity);
  const end = args.EndTime !== undefined ? args.EndTime * 1000 : Infinity;
  const matches = attribute ? attributeMatcher(attribute.AttributeKey as LookupKey, attribute.AttributeValue) : () => true;
  const all =
    args.EventCategory === "insight"
      ? []
      : ctx.state.cloudTrail.list(ctx.caller.accountId, ctx.region).filter((r) => {
          const t = r.eventTime.getTime();
          return t >= start && t <= end && matches(r);
        });
  const page = paginate(all, {
    token: args.NextToken,
    limit,
    // AWS insists the token comes back with the same parameters it was issued for.
    print: fingerprint(["LookupEvents", ctx.caller.accountId, ctx.region, attribute, args.StartTime, args.EndTime, args.EventCategory]),
    invalidToken: () => new AwsError("InvalidNextTokenException", "Invalid next token", 400),
  });
  return {
    Events: page.items.map((r) => ({
      EventId: r.eventId,
      EventName: r.eventName,
      ReadOnly: String(r.readOnly),
      AccessKeyId: r.accessKeyId,
      EventTime: epochSeconds(r.eventTime),
      EventSource: r.eventSource,
      Username: r.username,
      Resources: r.resources.map((res) => ({ ResourceType: res.type, ResourceName: res.name })),
      CloudTrailEvent: cloudTrailEventJson(r),
    })),
    NextToken: page.nextToken,
  };
};

export const CLOUDTRAIL_OPERATIONS: Record<string, JsonHandler> = {
  LookupEvents: lookupEvents,
};
