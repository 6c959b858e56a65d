import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { z } from "zod";
// streamJsonArrayMember: the streaming reader parseCloudTrailLogFile uses, here for `lookup-events` outputs.
import { normalizeTrailEvent, parseCloudTrailLogFile, streamJsonArrayMember, type JsonObject, type TrailEvent } from "../aws";
import type { TrailEventSource } from "./to-event-row";

const ACCOUNT_SEGMENT = /^\d{12}$/;
const REGION_SEGMENT = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * `aws cloudtrail lookup-events` output element. EventTime is epoch seconds on the wire (CLI v1
 * prints it as received) and an ISO string in CLI v2, so both are accepted.
 */
export const LOOKUP_EVENT_SCHEMA = z
  .object({
    EventId: z.string().min(1),
    EventName: z.string().optional(),
    EventTime: z.union([z.number(), z.string()]).optional(),
    EventSource: z.string().optional(),
    CloudTrailEvent: z.string().min(2),
  })
  .loose();

export class TrailFileError extends Error {
  override name = "TrailFileError";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Account and region a file's path names (S3 delivery: AWSLogs/<acct>/CloudTrail/<region>/…); used when a record lacks them. */
export function pathContext(file: string): { accountId?: string; region?: string } {
  const segments = file.split(/[\\/]/);
  return {
    accountId: segments.findLast((s) => ACCOUNT_SEGMENT.test(s)),
    region: segments.findLast((s) => REGION_SEGMENT.test(s)),
  };
}

function toDate(value: number | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

async function* textOf(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const stream: Readable = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Events of one file, streamed: an S3-delivered log file (`{"Records":[…]}`) or a saved
 * `lookup-events` output (`{"Events":[…]}`). Throws TrailFileError naming the file and the element.
 */
export async function* readTrailFile(file: string): AsyncGenerator<{ event: TrailEvent; source: TrailEventSource }> {
  const context = pathContext(file);
  let records = 0;
  try {
    for await (const record of parseCloudTrailLogFile(file)) {
      records++;
      yield { event: normalizeTrailEvent(record, context), source: "S3_LOG_FILE" };
    }
  } catch (err) {
    throw new TrailFileError(file, `not a CloudTrail log file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (records > 0) return;

  let index = 0;
  try {
    for await (const element of streamJsonArrayMember(textOf(file), "Events")) {
      const parsed = LOOKUP_EVENT_SCHEMA.safeParse(element);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new TrailFileError(file, `Events[${index}].${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
      }
      let record: JsonObject;
      try {
        record = JSON.parse(parsed.data.CloudTrailEvent) as JsonObject;
      } catch {
        throw new TrailFileError(file, `Events[${index}].CloudTrailEvent: not JSON`);
      }
      index++;
      yield {
        event: normalizeTrailEvent(record, {
          ...context,
          eventId: parsed.data.EventId,
          eventName: parsed.data.EventName,
          eventSource: parsed.data.EventSource,
          eventTime: toDate(parsed.data.EventTime),
        }),
        source: "LOOKUP_EVENTS",
      };
    }
  } catch (err) {
    if (err instanceof TrailFileError) throw err;
    throw new TrailFileError(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

// Re-exported so callers walk directories the way lib/aws reads them.
export { walkCloudTrailLogFiles } from "../aws";
