import { z } from "zod";
// streamJsonArrayMember: the streaming reader parseCloudTrailLogFile uses, here for `lookup-events` outputs.
import {
  ACCOUNT_ID,
  AWS_REGION,
  CLOUDTRAIL_FILE_LIMITS,
  cloudTrailFileText,
  InputLimitError,
  normalizeTrailEvent,
  parseCloudTrailLogFile,
  streamJsonArrayMember,
  type CloudTrailFileLimits,
  type JsonObject,
  type TrailEvent,
} from "../aws";
import type { TrailEventSource } from "./to-event-row";

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
    /** what was wrong, without the file name */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** Account and region a file's path names (S3 delivery: AWSLogs/<acct>/CloudTrail/<region>/…); used when a record lacks them. */
export function pathContext(file: string): { accountId?: string; region?: string } {
  const segments = file.split(/[\\/]/);
  return {
    accountId: segments.findLast((s) => ACCOUNT_ID.test(s)),
    region: segments.findLast((s) => AWS_REGION.test(s)),
  };
}

function toDate(value: number | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The account and region an event is stored (and later exported) under must be AWS's: they become
 * path segments and filter values, so a record claiming `../..` is refused, not stored.
 */
function checkedEvent(file: string, where: string, event: TrailEvent): TrailEvent {
  if (event.accountId !== null && !ACCOUNT_ID.test(event.accountId)) {
    throw new TrailFileError(
      file,
      `${where}: recipientAccountId ${JSON.stringify(event.accountId.slice(0, 40))} is not a 12-digit account id`,
    );
  }
  if (event.awsRegion !== null && !AWS_REGION.test(event.awsRegion)) {
    throw new TrailFileError(file, `${where}: awsRegion ${JSON.stringify(event.awsRegion.slice(0, 40))} is not an AWS region`);
  }
  return event;
}

function fileProblem(file: string, err: unknown, what: string): TrailFileError {
  if (err instanceof TrailFileError) return err;
  if (err instanceof InputLimitError) return new TrailFileError(file, `refused: ${err.message}`);
  return new TrailFileError(file, `${what} (${err instanceof Error ? err.message : String(err)})`);
}

/**
 * Events of one file, streamed: an S3-delivered log file (`{"Records":[…]}`) or a saved
 * `lookup-events` output (`{"Events":[…]}`), within `limits` (CLOUDTRAIL_FILE_LIMITS by default).
 * Throws TrailFileError naming the file and the element.
 */
export async function* readTrailFile(
  file: string,
  limits: Partial<CloudTrailFileLimits> = {},
): AsyncGenerator<{ event: TrailEvent; source: TrailEventSource }> {
  const { maxDecompressedBytes, maxElementChars } = { ...CLOUDTRAIL_FILE_LIMITS, ...limits };
  const context = pathContext(file);
  let records = 0;
  try {
    for await (const record of parseCloudTrailLogFile(file, { maxDecompressedBytes, maxElementChars })) {
      yield { event: checkedEvent(file, `Records[${records}]`, normalizeTrailEvent(record, context)), source: "S3_LOG_FILE" };
      records++;
    }
  } catch (err) {
    throw fileProblem(file, err, "not a CloudTrail log file");
  }
  if (records > 0) return;

  let index = 0;
  try {
    for await (const element of streamJsonArrayMember(cloudTrailFileText(file, { maxDecompressedBytes }), "Events", { maxElementChars })) {
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
      const event = normalizeTrailEvent(record, {
        ...context,
        eventId: parsed.data.EventId,
        eventName: parsed.data.EventName,
        eventSource: parsed.data.EventSource,
        eventTime: toDate(parsed.data.EventTime),
      });
      yield { event: checkedEvent(file, `Events[${index}]`, event), source: "LOOKUP_EVENTS" };
      index++;
    }
  } catch (err) {
    throw fileProblem(file, err, "not valid JSON");
  }
}

// Re-exported so callers walk directories the way lib/aws reads them.
export { walkCloudTrailLogFiles } from "../aws";
