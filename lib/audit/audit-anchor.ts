import { appendFile, readFile } from "node:fs/promises";
import { z } from "zod";
import type { Db } from "../db";
import type { Logger } from "../log";
import { GENESIS_HASH } from "./audit-hash";
import { getAuditHead } from "./audit-row";

/** One anchor: the head of the chain at a moment, kept outside the database. */
export type AuditAnchor = { sequence: bigint; hash: string; anchoredAt: string };

const ANCHOR_LINE = z.object({
  sequence: z.string().regex(/^\d{1,19}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  anchoredAt: z.string().datetime(),
});

export type AnchorTargets = {
  /** Appended one JSON line per anchor (VIGIL_AUDIT_ANCHOR_FILE). */
  file?: string;
  /** POSTed the anchor as JSON (VIGIL_AUDIT_ANCHOR_WEBHOOK). Its URL may embed a token: never logged. */
  webhookUrl?: string;
  webhookTimeoutMs?: number;
};

export class AnchorWebhookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AnchorWebhookError";
  }
}

function anchorLine(anchor: AuditAnchor): string {
  return `${JSON.stringify({ sequence: anchor.sequence.toString(), hash: anchor.hash, anchoredAt: anchor.anchoredAt })}\n`;
}

/** Anchors from a file of JSON lines; a bad line is an error naming its line number. */
export function parseAnchorFile(text: string, name = "anchor file"): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${name} line ${index + 1} is not JSON`);
    }
    const result = ANCHOR_LINE.safeParse(parsed);
    if (!result.success) throw new Error(`${name} line ${index + 1} is not an anchor ({"sequence","hash","anchoredAt"})`);
    anchors.push({ sequence: BigInt(result.data.sequence), hash: result.data.hash, anchoredAt: result.data.anchoredAt });
  });
  return anchors;
}

export async function readAnchorFile(path: string): Promise<AuditAnchor[]> {
  return parseAnchorFile(await readFile(path, "utf8"), path);
}

async function postAnchor(url: string, anchor: AuditAnchor, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "vigil.audit-anchor",
        sequence: anchor.sequence.toString(),
        hash: anchor.hash,
        anchoredAt: anchor.anchoredAt,
      }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: "error",
    });
  } catch (error) {
    const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.name : "request failed";
    // The URL is left out on purpose: webhook URLs often carry their token in the path.
    throw new AnchorWebhookError(`audit anchor webhook failed: ${reason}`);
  }
  await response.body?.cancel().catch(() => {});
  if (!response.ok) throw new AnchorWebhookError(`audit anchor webhook answered HTTP ${response.status}`);
}

/**
 * Writes the chain's head where someone who can rewrite the database cannot: the log, and the file
 * and webhook when configured. An anchored head proves every entry up to it; a later rewrite or
 * truncation of that prefix no longer matches (`vigil audit verify --anchor-file`).
 */
export async function anchorAuditHead(
  db: Db,
  targets: AnchorTargets,
  context: { log: Logger; signal?: AbortSignal; now?: Date },
): Promise<AuditAnchor> {
  const head = await getAuditHead(db);
  const anchor: AuditAnchor = {
    sequence: head?.sequence ?? 0n,
    hash: head?.hash ?? GENESIS_HASH,
    anchoredAt: (context.now ?? new Date()).toISOString(),
  };
  context.log.info({ auditAnchor: { sequence: anchor.sequence.toString(), hash: anchor.hash } }, "audit trail head anchored");
  if (targets.file) await appendFile(targets.file, anchorLine(anchor), { encoding: "utf8", mode: 0o600, flush: true });
  if (targets.webhookUrl) await postAnchor(targets.webhookUrl, anchor, targets.webhookTimeoutMs ?? 10_000, context.signal);
  return anchor;
}
