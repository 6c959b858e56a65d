import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOUDTRAIL_FILE_LIMITS } from "../aws";
import { useTestDatabase } from "../testing/use-test-database";
import { ABANDONED_INGEST_RUN, ingestCloudTrailLogDirectory, recoverAbandonedIngestRuns, type CloudTrailSettings } from ".";

const ACCOUNT = "111122223333";
const settings: CloudTrailSettings = { lookbackDays: 90, regions: null, breakglassUsers: [], automationUsers: [] };

function signIn(id: string, overrides: Record<string, unknown> = {}) {
  return {
    eventVersion: "1.08",
    eventID: id,
    eventTime: "2026-08-07T09:15:41Z",
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: "us-east-1",
    recipientAccountId: ACCOUNT,
    userIdentity: { type: "Root", arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT },
    responseElements: { ConsoleLogin: "Success" },
    ...overrides,
  };
}

/**
 * `{"Records":[<a good record>,{"eventID":"huge","padding":"aaaa…"}]}` gzipped: concatenated gzip
 * members inflate to their concatenation, so `mib` MiB of padding costs ~1 KB per MiB on disk.
 */
function gzipBomb(mib: number): Buffer {
  const head = `{"Records":[${JSON.stringify(signIn("before-the-bomb"))},{"eventID":"huge","padding":"`;
  const member = gzipSync("a".repeat(1 << 20), { level: 9 });
  return Buffer.concat([gzipSync(head), ...Array.from({ length: mib }, () => member), gzipSync('"}]}')]);
}

describe("CloudTrail files past the caps, and runs that never finish", () => {
  const database = useTestDatabase();
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "vigil-trail-bounds-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("a small .json.gz that inflates to 1 GiB in one record is refused by the element cap, naming the file; the run ends FAILED", async () => {
    // Given a gzip bomb of about a megabyte, one huge string inside one record
    const dir = join(root, "bomb", "AWSLogs", ACCOUNT, "CloudTrail", "us-east-1", "2026", "08", "07");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${ACCOUNT}_CloudTrail_us-east-1_20260807T0915Z_bomb.json.gz`);
    await writeFile(file, gzipBomb(1024));
    expect((await stat(file)).size).toBeLessThan(2 << 20);

    // When the folder is ingested with the default caps
    const result = await ingestCloudTrailLogDirectory(database.db, join(root, "bomb"), { settings });

    // Then the file is refused with a clear error, the run ends FAILED, and not even the record before the bomb was stored
    expect(result.status).toBe("FAILED");
    expect(result.errors).toEqual([
      {
        file,
        code: "TrailFileError",
        message: `${file}: refused: "Records" element longer than ${CLOUDTRAIL_FILE_LIMITS.maxElementChars} characters (the limit for one element)`,
      },
    ]);
    const run = await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "FAILED", leaseExpiresAt: null });
    expect(run.finishedAt).not.toBeNull();
    expect(await database.db.cloudTrailEvent.count({ where: { eventId: "before-the-bomb" } })).toBe(0);
  });

  it("a file past the decompressed-bytes cap is refused, naming the file, while the other files land", async () => {
    const dir = join(root, "big");
    await mkdir(dir, { recursive: true });
    const big = join(dir, "a-big.json.gz");
    // Many small records: only the file cap can stop this one.
    const records = Array.from({ length: 400 }, (_, i) => signIn(`big-${i}`, { padding: "b".repeat(2000) }));
    await writeFile(big, gzipSync(JSON.stringify({ Records: records })));
    await writeFile(join(dir, "b-good.json"), JSON.stringify({ Records: [signIn("good-1")] }));

    const result = await ingestCloudTrailLogDirectory(database.db, dir, { settings, limits: { maxDecompressedBytes: 256 * 1024 } });

    expect(result.status).toBe("PARTIAL");
    expect(result.errors.map((e) => e.message)).toEqual([
      `${big}: refused: more than ${256 * 1024} bytes once decompressed (the limit for one file)`,
    ]);
    expect(result.eventsNew).toBe(1);
  });

  it("a record whose account or region is not AWS's is refused with the file and record named", async () => {
    const dir = join(root, "hostile");
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, "account.json"),
      JSON.stringify({ Records: [signIn("ok-1"), signIn("evil-1", { recipientAccountId: "../../../etc" })] }),
    );
    await writeFile(join(dir, "region.json"), JSON.stringify({ Records: [signIn("evil-2", { awsRegion: "us-east-1/../../x" })] }));

    const result = await ingestCloudTrailLogDirectory(database.db, dir, { settings });

    expect(result.status).toBe("FAILED");
    expect(result.errors.map((e) => e.message)).toEqual([
      `${join(dir, "account.json")}: Records[1]: recipientAccountId "../../../etc" is not a 12-digit account id`,
      `${join(dir, "region.json")}: Records[0]: awsRegion "us-east-1/../../x" is not an AWS region`,
    ]);
    expect(await database.db.cloudTrailEvent.count({ where: { eventId: { in: ["ok-1", "evil-1", "evil-2"] } } })).toBe(0);
  });

  it("a folder that cannot be read ends its run FAILED with the error, not RUNNING", async () => {
    const missing = join(root, "no-such-folder");
    await expect(ingestCloudTrailLogDirectory(database.db, missing, { settings })).rejects.toThrow(/ENOENT/);
    const run = await database.db.cloudTrailIngestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({
      status: "FAILED",
      leaseExpiresAt: null,
      errors: [{ code: "Error", message: expect.stringContaining(missing) as unknown }],
    });
  });

  it("a run whose lease lapsed (its process died) is marked FAILED by the next run; a live one is left alone", async () => {
    // Given a run left RUNNING by a killed process (lease lapsed) and one still alive (lease ahead)
    const [dead] = await database.db.$queryRawUnsafe<Array<{ id: number }>>(
      `INSERT INTO "CloudTrailIngestRun" (source, "leaseExpiresAt") VALUES ('S3_LOG_FILE', now() - interval '1 second') RETURNING id`,
    );
    const [alive] = await database.db.$queryRawUnsafe<Array<{ id: number }>>(
      `INSERT INTO "CloudTrailIngestRun" (source, "leaseExpiresAt") VALUES ('LOOKUP_EVENTS', now() + interval '1 hour') RETURNING id`,
    );

    // When another ingestion starts
    const dir = join(root, "after-crash");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "a.json"), JSON.stringify({ Records: [signIn("after-1")] }));
    const result = await ingestCloudTrailLogDirectory(database.db, dir, { settings });

    // Then the dead run is FAILED with the reason, the live one still RUNNING, and the new run COMPLETE
    expect(result.status).toBe("COMPLETE");
    const runs = await database.db.cloudTrailIngestRun.findMany({ where: { id: { in: [dead!.id, alive!.id] } }, orderBy: { id: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "RUNNING"]);
    expect(runs[0]?.errors).toEqual([{ code: "Abandoned", message: ABANDONED_INGEST_RUN }]);
    expect(runs[0]?.finishedAt).not.toBeNull();
    // …and recovery has nothing left to do
    expect(await recoverAbandonedIngestRuns(database.db)).toEqual([]);
  });

  it("a running ingestion renews its lease", async () => {
    const dir = join(root, "slow");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "a.json"), JSON.stringify({ Records: [signIn("slow-1")] }));
    await writeFile(join(dir, "b.json"), JSON.stringify({ Records: [signIn("slow-2")] }));
    const leases: Date[] = [];

    await ingestCloudTrailLogDirectory(database.db, dir, {
      settings,
      leaseMs: 600,
      onFile: async () => {
        // Hold the run after its first file until the database shows the lease moved forward.
        if (leases.length > 0) return;
        const run = await database.db.cloudTrailIngestRun.findFirstOrThrow({
          where: { status: "RUNNING", source: "S3_LOG_FILE" },
          orderBy: { id: "desc" },
        });
        leases.push(run.leaseExpiresAt!);
        await expect
          .poll(
            async () => (await database.db.cloudTrailIngestRun.findUniqueOrThrow({ where: { id: run.id } })).leaseExpiresAt!.getTime(),
            { timeout: 30_000 },
          )
          .toBeGreaterThan(run.leaseExpiresAt!.getTime());
      },
    });
    expect(leases).toHaveLength(1);
  });
});
