import { existsSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import { anchorAuditHead, readAnchorFile, verifyAuditChain, type AuditAnchor } from "../../lib/audit";
import { env } from "../../lib/env";
import { logger } from "../../lib/log";
import { withDatabase } from "../with-database";

function parseBatchSize(value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > 100_000)
    throw new InvalidArgumentError("must be between 1 and 100000");
  return Number(value);
}

/** --anchor-file, else VIGIL_AUDIT_ANCHOR_FILE when it exists (no anchor has been written yet otherwise). */
async function loadAnchors(explicit: string | undefined): Promise<{ path: string; anchors: AuditAnchor[] } | null> {
  const path = explicit ?? env().VIGIL_AUDIT_ANCHOR_FILE;
  if (!path) return null;
  if (!explicit && !existsSync(path)) return null;
  return { path, anchors: await readAnchorFile(path) };
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the hash-chained audit trail");

  audit
    .command("verify")
    .description("walk the audit trail and name the first entry altered, removed or inserted (exit 1)")
    .option("--anchor-file <file>", "also check the anchors in this file (default: VIGIL_AUDIT_ANCHOR_FILE when it exists)")
    .option("--batch-size <n>", "entries read per query", parseBatchSize, 1_000)
    .action(async (options: { anchorFile?: string; batchSize: number }) => {
      const anchorSource = await loadAnchors(options.anchorFile);
      const report = await withDatabase(({ db }) => verifyAuditChain(db, { anchors: anchorSource?.anchors, batchSize: options.batchSize }));
      if (!report.ok) {
        process.stderr.write(`${report.checked} entries verified before the break\n`);
        // runCli prints it as one line and exits 1.
        throw new Error(`audit trail BROKEN at entry #${report.problem.sequence} (${report.problem.kind}): ${report.problem.message}`);
      }
      const head = report.head ? `head #${report.head.sequence} ${report.head.hash}` : "empty";
      const anchors = anchorSource ? `, ${report.anchorsChecked} anchor(s) from ${anchorSource.path} match` : "";
      process.stdout.write(`audit trail intact: ${report.count} entries, ${head}${anchors}\n`);
    });

  audit
    .command("anchor")
    .description("anchor the trail's head now, as the anchor-audit job does (log, VIGIL_AUDIT_ANCHOR_FILE, VIGIL_AUDIT_ANCHOR_WEBHOOK)")
    .action(async () => {
      const settings = env();
      const anchor = await withDatabase(({ db }) =>
        anchorAuditHead(
          db,
          {
            file: settings.VIGIL_AUDIT_ANCHOR_FILE,
            webhookUrl: settings.VIGIL_AUDIT_ANCHOR_WEBHOOK,
            webhookTimeoutMs: settings.VIGIL_AUDIT_ANCHOR_WEBHOOK_TIMEOUT_MS,
          },
          { log: logger },
        ),
      );
      process.stdout.write(`anchored head #${anchor.sequence} ${anchor.hash}\n`);
    });
}
