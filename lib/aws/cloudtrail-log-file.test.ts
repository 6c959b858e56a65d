import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSsoAssumeRoleRecord } from "./testing/cloudtrail-event";
import { parseCloudTrailLogFile, walkCloudTrailLogFiles } from "./cloudtrail-log-file";
import { InputLimitError, streamJsonArrayMember } from "./json-array-stream";

const LIMITS = { maxElementChars: 1 << 20 };

const records = [
  makeSsoAssumeRoleRecord({ eventID: "r1", note: 'braces } ] { [ and "quotes" \\ inside strings' }),
  makeSsoAssumeRoleRecord({ eventID: "r2", nested: { a: [1, { b: [] }] } }),
  makeSsoAssumeRoleRecord({ eventID: "r3", eventTime: "2026-08-07T10:00:00Z" }),
];
const logText = JSON.stringify({ Records: records, other: ["x"] }, null, 1);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* chunksOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("streamJsonArrayMember", () => {
  it("yields every record whatever the chunk boundaries", async () => {
    for (const size of [1, 2, 3, 7, 64, logText.length]) {
      const out = await collect(streamJsonArrayMember(chunksOf(logText, size), "Records", LIMITS));
      expect(out, `chunk size ${size}`).toEqual(records);
    }
  });

  it("ignores an array of the same name nested deeper and reads the top-level one", async () => {
    const text = JSON.stringify({ meta: { Records: [{ wrong: true }] }, Records: [{ right: true }] });
    expect(await collect(streamJsonArrayMember(chunksOf(text, 5), "Records", LIMITS))).toEqual([{ right: true }]);
  });

  it("rejects a truncated file instead of silently returning fewer records", async () => {
    await expect(collect(streamJsonArrayMember(chunksOf(logText.slice(0, logText.length / 2), 10), "Records", LIMITS))).rejects.toThrow(
      SyntaxError,
    );
  });
});

describe("caps on hostile input", () => {
  /** `<prefix>aaaa…` for 20 MB, then closed as valid JSON, counting the chunks the reader pulled. */
  function endless(prefix: string) {
    const pulled = { count: 0 };
    async function* chunks() {
      yield prefix;
      for (let i = 0; i < 20_000; i++) {
        pulled.count++;
        yield "a".repeat(1000);
      }
      yield prefix.startsWith('{"Records"') ? '"}]}' : '","Records":[]}';
    }
    return { chunks: chunks(), pulled };
  }

  it("refuses a record longer than the element limit as soon as it is, without reading on", async () => {
    const { chunks, pulled } = endless('{"Records":[{"x":"');
    await expect(collect(streamJsonArrayMember(chunks, "Records", { maxElementChars: 10_000 }))).rejects.toThrow(
      new InputLimitError('"Records" element longer than 10000 characters (the limit for one element)'),
    );
    expect(pulled.count).toBe(10);
  });

  it("refuses a top-level string longer than the element limit (it would be buffered as a key)", async () => {
    const { chunks, pulled } = endless('{"padding":"');
    await expect(collect(streamJsonArrayMember(chunks, "Records", { maxElementChars: 10_000 }))).rejects.toThrow(InputLimitError);
    expect(pulled.count).toBe(11);
  });

  it("stops a gzip bomb at the decompressed-bytes limit", async () => {
    // Concatenated gzip members inflate to their concatenation: 64 × 1 MiB of spaces from ~70 KB.
    const member = gzipSync(" ".repeat(1 << 20));
    const bomb = Buffer.concat([gzipSync('{"Records":['), ...Array.from({ length: 64 }, () => member), gzipSync("]}")]);
    expect(bomb.length).toBeLessThan(1 << 20);
    await expect(collect(parseCloudTrailLogFile(Readable.from([bomb]), { maxDecompressedBytes: 8 << 20 }))).rejects.toThrow(
      new InputLimitError(`more than ${8 << 20} bytes once decompressed (the limit for one file)`),
    );
  });

  it("reads a file just under both limits", async () => {
    const text = JSON.stringify({ Records: [{ eventID: "ok", padding: "a".repeat(1000) }] });
    const out = await collect(
      parseCloudTrailLogFile(Readable.from([gzipSync(text)]), { maxDecompressedBytes: text.length, maxElementChars: 1030 }),
    );
    expect(out.map((r) => r.eventID)).toEqual(["ok"]);
  });
});

describe("CloudTrail log files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vigil-ct-"));
    const deep = join(dir, "AWSLogs", "111122223333", "CloudTrail", "us-east-1", "2026", "08", "07");
    await mkdir(deep, { recursive: true });
    await writeFile(join(deep, "111122223333_CloudTrail_us-east-1_a.json.gz"), gzipSync(JSON.stringify({ Records: records.slice(0, 2) })));
    await writeFile(join(dir, "AWSLogs", "plain.json"), JSON.stringify({ Records: records.slice(2) }));
    await writeFile(join(dir, "AWSLogs", "digest.txt"), "not a log");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("parses a gzipped file from a stream by its magic bytes, not its name", async () => {
    const stream = Readable.from([gzipSync(logText)]);
    expect((await collect(parseCloudTrailLogFile(stream))).map((r) => r.eventID)).toEqual(["r1", "r2", "r3"]);
  });

  it("recognises gzip whose two magic bytes arrive in separate chunks", async () => {
    const stream = Readable.from([...gzipSync(logText)].map((byte) => Buffer.from([byte])));
    expect((await collect(parseCloudTrailLogFile(stream))).map((r) => r.eventID)).toEqual(["r1", "r2", "r3"]);
  });

  it("walks .json and .json.gz files at any depth, and nothing else", async () => {
    const files = await collect(walkCloudTrailLogFiles(dir));
    expect(files.map((f) => f.slice(dir.length))).toEqual([
      "/AWSLogs/plain.json",
      "/AWSLogs/111122223333/CloudTrail/us-east-1/2026/08/07/111122223333_CloudTrail_us-east-1_a.json.gz",
    ]);
  });
});
