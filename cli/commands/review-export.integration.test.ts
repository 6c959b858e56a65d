import { mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CommanderError } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listAuditEntries } from "../../lib/audit";
import { env, setRuntimeEnv } from "../../lib/env";
import type { ReviewCampaignView } from "../../lib/review";
import { seedSignedOffCampaign } from "../../lib/review-export/testing/seed-review-campaign";
import { useTestDatabase } from "../../lib/testing/use-test-database";
import { buildProgram } from "../main";

const database = useTestDatabase();
const originalDatabaseUrl = env().DATABASE_URL;

async function run(argv: string[], options: { isTty?: boolean } = {}): Promise<{ out: string; error: Error | null }> {
  const program = buildProgram();
  const written: string[] = [];
  program.configureOutput({ writeOut: (text) => written.push(text), writeErr: (text) => written.push(text) });
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
    written.push(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  });
  const wasTty = process.stdout.isTTY;
  process.stdout.isTTY = options.isTty ?? false;
  try {
    await program.parseAsync(["node", "vigil", ...argv]);
    return { out: written.join(""), error: null };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { out: written.join(""), error };
  } finally {
    process.stdout.isTTY = wasTty;
    stdout.mockRestore();
  }
}

describe("vigil review export", () => {
  let campaign: ReviewCampaignView;
  const dir = mkdtempSync(path.join(tmpdir(), "vigil-review-export-"));

  beforeAll(async () => {
    ({ campaign } = await seedSignedOffCampaign(database.db));
    setRuntimeEnv("DATABASE_URL", database.url);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => setRuntimeEnv("DATABASE_URL", originalDatabaseUrl ?? ""));

  it("writes the latest campaign as CSV to stdout, formula names neutralised, audited as the CLI", async () => {
    const { out, error } = await run(["review", "export", "latest", "--format", "csv"]);
    expect(error).toBeNull();
    const lines = out.split("\r\n");
    expect(lines[0]?.startsWith("Campaign,Snapshot,Row,Person,")).toBe(true);
    expect(lines.slice(1, -1)).toHaveLength(campaign.counts.total);
    expect(out).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const audit = await listAuditEntries(database.db, {
      action: "export.created",
      targetType: "review_campaign",
      page: 1,
      pageSize: 10,
      dir: "desc",
    });
    expect(audit.rows[0]).toMatchObject({ targetId: String(campaign.id), actorType: "CLI" });
  });

  it("writes --output files 0644 and never replaces one without --force", async () => {
    const output = path.join(dir, "review.xlsx");
    const first = await run(["review", "export", String(campaign.id), "--format", "xlsx", "--output", output]);
    expect(first.error).toBeNull();
    expect(first.out).toContain(`wrote review campaign ${campaign.id}`);
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");
    // 0644 before the umask: never writable by others
    expect(statSync(output).mode & 0o777 & ~0o644).toBe(0);

    const again = await run(["review", "export", String(campaign.id), "--format", "pdf", "--output", output]);
    expect(again.error?.message).toMatch(/already exists; pass --force/);
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");

    const forced = await run(["review", "export", String(campaign.id), "--format", "pdf", "--output", output, "--force"]);
    expect(forced.error).toBeNull();
    expect(readFileSync(output).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("never writes through a symlink at the output path", async () => {
    const target = path.join(dir, "elsewhere.txt");
    writeFileSync(target, "keep me");
    const link = path.join(dir, "link.csv");
    symlinkSync(target, link);
    const refused = await run(["review", "export", "latest", "--output", link]);
    expect(refused.error?.message).toMatch(/already exists/);
    expect(readlinkSync(link)).toBe(target);
    const forced = await run(["review", "export", "latest", "--output", link, "--force"]);
    expect(forced.error).toBeNull();
    expect(readFileSync(target, "utf8")).toBe("keep me");
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readFileSync(link, "utf8")).toContain("Campaign,Snapshot");
  });

  it("refuses binary formats to a terminal, bad flags and unknown campaigns", async () => {
    const toTty = await run(["review", "export", "latest", "--format", "xlsx"], { isTty: true });
    expect(toTty.error).toBeInstanceOf(CommanderError);
    expect(toTty.error?.message).toContain("xlsx is binary: pass --output FILE or redirect stdout");
    const badFormat = await run(["review", "export", "latest", "--format", "docx"]);
    expect(badFormat.error).toBeInstanceOf(CommanderError);
    expect(badFormat.error?.message).toContain("must be one of csv, xlsx, json, ndjson, pdf");
    const badId = await run(["review", "export", "last"]);
    expect(badId.error?.message).toContain("must be a campaign id or latest");
    const unknown = await run(["review", "export", "424242", "--output", path.join(dir, "none.csv")]);
    expect(unknown.error?.message).toMatch(/424242/);
    expect(() => statSync(path.join(dir, "none.csv"))).toThrow();
  });
});
