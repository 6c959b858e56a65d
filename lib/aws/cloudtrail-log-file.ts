import { createReadStream } from "node:fs";
import { opendir } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CLOUDTRAIL_FILE_LIMITS, type CloudTrailFileLimits } from "./cloudtrail-log-file-limits";
import { InputLimitError, streamJsonArrayMember } from "./json-array-stream";
import type { JsonObject } from "./types";

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * The text of one file, streamed: gunzipped when the bytes say gzip (S3 delivery is `.json.gz`, but
 * extensions lie after copies), and stopped with InputLimitError past `maxDecompressedBytes`.
 */
export async function* cloudTrailFileText(
  input: Readable | string,
  limits: Pick<CloudTrailFileLimits, "maxDecompressedBytes">,
): AsyncGenerator<string> {
  const stream = typeof input === "string" ? createReadStream(input) : input;
  const decoder = new TextDecoder("utf-8");
  let total = 0;
  for await (const chunk of decompressed(stream)) {
    total += chunk.length;
    if (total > limits.maxDecompressedBytes) {
      throw new InputLimitError(`more than ${limits.maxDecompressedBytes} bytes once decompressed (the limit for one file)`);
    }
    yield decoder.decode(chunk, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Whether bytes are gzip, by its magic number: the one test, whatever the file is called. */
function isGzipped(head: Uint8Array): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

async function* decompressed(input: Readable): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  // The magic number may straddle chunks (a stream can hand over a byte at a time): gather it first.
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < GZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = toBuffer(next.value);
    head.push(chunk);
    headBytes += chunk.length;
  }
  if (headBytes === 0) return;
  async function* rest() {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
  }
  const bytes = isGzipped(Buffer.concat(head)) ? Readable.from(rest()).pipe(createGunzip()) : Readable.from(rest());
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) yield chunk;
  } finally {
    // Stopped early (a cap, a parse error): release the file and the inflater now, not at GC.
    bytes.destroy();
    input.destroy();
  }
}

/** Raw records of one CloudTrail log file (`{"Records":[…]}`, plain or gzipped), streamed within `limits`. */
export async function* parseCloudTrailLogFile(
  input: Readable | string,
  limits: Partial<CloudTrailFileLimits> = {},
): AsyncGenerator<JsonObject> {
  const { maxDecompressedBytes, maxElementChars } = { ...CLOUDTRAIL_FILE_LIMITS, ...limits };
  for await (const record of streamJsonArrayMember(cloudTrailFileText(input, { maxDecompressedBytes }), "Records", { maxElementChars })) {
    if (typeof record === "object" && record !== null && !Array.isArray(record)) yield record as JsonObject;
  }
}

/** Which files are read; the name never decides how (see isGzipped). */
export function isCloudTrailLogFileName(name: string): boolean {
  return name.endsWith(".json") || name.endsWith(".json.gz");
}

/** Every `.json` / `.json.gz` file under `dir`, at any depth (S3 layout: AWSLogs/<acct>/CloudTrail/<region>/Y/M/D/). */
export async function* walkCloudTrailLogFiles(dir: string): AsyncGenerator<string> {
  const entries = await opendir(dir);
  const subdirs: string[] = [];
  const files: string[] = [];
  for await (const entry of entries) {
    if (entry.isDirectory()) subdirs.push(join(dir, entry.name));
    else if (entry.isFile() && isCloudTrailLogFileName(entry.name)) files.push(join(dir, entry.name));
  }
  // Sorted so a re-import visits files in the same (chronological, by S3 naming) order.
  for (const file of files.sort()) yield file;
  for (const sub of subdirs.sort()) yield* walkCloudTrailLogFiles(sub);
}
