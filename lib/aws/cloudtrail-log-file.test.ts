import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSsoAssumeRoleRecord } from "./cloudtrail-event.fixtures";
import { parseCloudTrailLogFile, readCloudTrailLogDirectory, walkCloudTrailLogFiles } from "./cloudtrail-log-file";
import { streamJsonArrayMember } from "./json-array-stream";

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
      const out = await collect(streamJsonArrayMember(chunksOf(logText, size), "Records"));
      expect(out, `chunk size ${size}`).toEqual(records);
    }
  });

  it("ignores an array of the same name nested deeper and reads the top-level one", async () => {
    const text = JSON.stringify({ meta: { Records: [{ wrong: true }] }, Records: [{ right: true }] });
    expect(await collect(streamJsonArrayMember(chunksOf(text, 5), "Records"))).toEqual([{ right: true }]);
  });

  it("rejects a truncated file instead of silently returning fewer records", async () => {
    await expect(collect(streamJsonArrayMember(chunksOf(logText.slice(0, logText.length / 2), 10), "Records"))).rejects.toThrow(
      SyntaxError,
    );
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

  it("walks .json and .json.gz files at any depth and normalises their records", async () => {
    const files = await collect(walkCloudTrailLogFiles(dir));
    expect(files.map((f) => f.slice(dir.length))).toEqual([
      "/AWSLogs/plain.json",
      "/AWSLogs/111122223333/CloudTrail/us-east-1/2026/08/07/111122223333_CloudTrail_us-east-1_a.json.gz",
    ]);
    const events = await collect(readCloudTrailLogDirectory(dir));
    expect(events.map((e) => e.eventId).sort()).toEqual(["r1", "r2", "r3"]);
    expect(events[0]?.sourcePrincipal.identityCenter?.permissionSetName).toBe("AdministratorAccess");
  });
});
