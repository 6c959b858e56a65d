import type { Db, PrismaClient } from "../db";
import { resolutionBlockers, type ResolutionContext } from "./resolution-coverage";
import { emptySeverityCounts, fromDbSeverity, toDbSeverity, type DbStatus } from "./severity";
import { stableHash } from "./stable-hash";
import type { FindingCandidate, Rule, Severity } from "./types";
import { notifyBreakglassUse } from "./notify-breakglass-use";

/** One advisory lock for every evaluation: two at once would race on the same fingerprints. */
const EVALUATION_LOCK = 0x76_69_67_66; // "vigf"
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;
const MAX_WAIT_MS = 60_000;

export interface PersistOutcome {
  snapshotId: number;
  /** set when nothing was done, with the reason (an older snapshot than the newest evaluated) */
  skipped: string | null;
  candidates: number;
  new: number;
  resolved: number;
  reopened: number;
  /** open (open + reopened) findings by severity after this evaluation */
  open: Record<Severity, number>;
}

interface PersistInput {
  snapshotId: number;
  asOf: Date;
  candidates: FindingCandidate[];
  rules: readonly Rule[];
  now: Date;
  resolution: ResolutionContext;
}

/**
 * Evaluating a snapshot older than one already evaluated would move findings backwards (resolve what
 * the newer one saw, reopen what it resolved): it is refused as a no-op, with the reason.
 */
export async function refuseOlderSnapshot(db: Db, snapshotId: number): Promise<PersistOutcome | null> {
  const newest = await db.findingEvaluation.findFirst({ orderBy: { snapshotId: "desc" }, select: { snapshotId: true } });
  if (!newest || newest.snapshotId <= snapshotId) return null;
  return {
    snapshotId,
    skipped: `snapshot ${newest.snapshotId} was already evaluated; an older snapshot cannot move findings backwards`,
    candidates: 0,
    new: 0,
    resolved: 0,
    reopened: 0,
    open: emptySeverityCounts(),
  };
}

/** What the finding row keeps: the evidence and, beside it, the facts of this snapshot. */
function storedEvidence(candidate: FindingCandidate): object {
  return { ...candidate.evidence, ...candidate.context };
}

type EventType = "OPENED" | "RESOLVED" | "REOPENED" | "EVIDENCE_CHANGED" | "SEVERITY_CHANGED" | "SUPPRESSION_EXPIRED";

/**
 * Moves the lifecycle for one evaluated snapshot, in one transaction under an advisory lock (the
 * unique fingerprint makes a duplicate row impossible even without it).
 */
export async function persistFindings(db: PrismaClient, input: PersistInput): Promise<PersistOutcome> {
  const { snapshotId, asOf, now } = input;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVALUATION_LOCK})`;
      const refused = await refuseOlderSnapshot(tx, snapshotId);
      if (refused) return { ...refused, candidates: input.candidates.length };
      const existing = await tx.finding.findMany({
        select: {
          id: true,
          fingerprint: true,
          rule: true,
          accountId: true,
          status: true,
          severity: true,
          evidenceHash: true,
          suppressedUntil: true,
          lastSeenSnapshotId: true,
        },
      });
      const byFingerprint = new Map(existing.map((row) => [row.fingerprint, row]));
      const readsOf = new Map(input.rules.map((rule) => [rule.id as string, rule.reads]));
      const history: Array<{ findingId: number; type: EventType; snapshotId: number; details?: object; reason?: string }> = [];
      let reopened = 0;
      let resolved = 0;

      const fresh = input.candidates.filter((c) => !byFingerprint.has(c.fingerprint));
      const created = await tx.finding.createManyAndReturn({
        data: fresh.map((c) => ({
          fingerprint: c.fingerprint,
          rule: c.rule,
          severity: toDbSeverity(c.severity),
          status: "OPEN" as const,
          title: c.title,
          accountId: c.accountId,
          resourceArn: c.resourceArn,
          evidence: storedEvidence(c),
          evidenceHash: stableHash(c.evidence),
          remediation: c.remediation,
          firstSeenAt: asOf,
          firstSeenSnapshotId: snapshotId,
          lastSeenAt: asOf,
          lastSeenSnapshotId: snapshotId,
        })),
        select: { id: true },
      });
      for (const row of created) history.push({ findingId: row.id, type: "OPENED", snapshotId });

      const seen = new Set<string>();
      const seenAgain: number[] = [];
      for (const candidate of input.candidates) {
        seen.add(candidate.fingerprint);
        const row = byFingerprint.get(candidate.fingerprint);
        if (!row) continue;
        const evidenceHash = stableHash(candidate.evidence);
        const severity = toDbSeverity(candidate.severity);
        let status: DbStatus = row.status;
        const clearSuppression = { suppressedReason: null, suppressedBy: null, suppressedAt: null, suppressedUntil: null };
        let extra: Record<string, unknown> = {};
        if (row.status === "RESOLVED") {
          status = "REOPENED";
          extra = { resolvedAt: null, resolvedSnapshotId: null };
          history.push({ findingId: row.id, type: "REOPENED", snapshotId });
          reopened++;
        } else if (row.status === "SUPPRESSED" && row.suppressedUntil && row.suppressedUntil <= now) {
          status = "REOPENED";
          extra = clearSuppression;
          history.push({ findingId: row.id, type: "SUPPRESSION_EXPIRED", snapshotId, details: { suppressedUntil: row.suppressedUntil } });
          reopened++;
        }
        if (evidenceHash !== row.evidenceHash) history.push({ findingId: row.id, type: "EVIDENCE_CHANGED", snapshotId });
        if (severity !== row.severity)
          history.push({
            findingId: row.id,
            type: "SEVERITY_CHANGED",
            snapshotId,
            details: { from: fromDbSeverity(row.severity), to: candidate.severity },
          });
        const changed = status !== row.status || evidenceHash !== row.evidenceHash || severity !== row.severity;
        if (!changed) {
          // Only seen again: moved for all such findings in one statement below.
          if (row.lastSeenSnapshotId !== snapshotId) seenAgain.push(row.id);
          continue;
        }
        await tx.finding.update({
          where: { id: row.id },
          data: {
            status,
            severity,
            title: candidate.title,
            resourceArn: candidate.resourceArn,
            evidence: storedEvidence(candidate),
            evidenceHash,
            remediation: candidate.remediation,
            lastSeenAt: asOf,
            lastSeenSnapshotId: snapshotId,
            ...extra,
          },
        });
      }

      for (let i = 0; i < seenAgain.length; i += 10_000)
        await tx.finding.updateMany({
          where: { id: { in: seenAgain.slice(i, i + 10_000) } },
          data: { lastSeenAt: asOf, lastSeenSnapshotId: snapshotId },
        });

      for (const row of existing) {
        if (seen.has(row.fingerprint) || row.status === "RESOLVED") continue;
        const reads = readsOf.get(row.rule);
        const blockers = reads ? resolutionBlockers(reads, row.accountId, input.resolution) : null;
        if (blockers !== null && (blockers === "account-left" || blockers.length === 0)) {
          await tx.finding.update({
            where: { id: row.id },
            data: {
              status: "RESOLVED",
              resolvedAt: asOf,
              resolvedSnapshotId: snapshotId,
              suppressedReason: null,
              suppressedBy: null,
              suppressedAt: null,
              suppressedUntil: null,
            },
          });
          history.push({
            findingId: row.id,
            type: "RESOLVED",
            snapshotId,
            details:
              blockers === "account-left"
                ? { reason: "the account left the organization" }
                : { reason: "absent from a snapshot that fully covers what the rule reads" },
          });
          resolved++;
        } else if (row.status === "SUPPRESSED" && row.suppressedUntil && row.suppressedUntil <= now) {
          await tx.finding.update({
            where: { id: row.id },
            data: { status: "REOPENED", suppressedReason: null, suppressedBy: null, suppressedAt: null, suppressedUntil: null },
          });
          history.push({ findingId: row.id, type: "SUPPRESSION_EXPIRED", snapshotId, details: { suppressedUntil: row.suppressedUntil } });
          reopened++;
        }
      }

      if (history.length > 0)
        await tx.findingEvent.createMany({
          data: history.map((h) => ({
            findingId: h.findingId,
            type: h.type,
            snapshotId: h.snapshotId,
            details: h.details,
            reason: h.reason,
            at: now,
          })),
        });

      await notifyBreakglassUse(
        tx,
        history.filter((h) => h.type === "OPENED" || h.type === "REOPENED" || h.type === "SUPPRESSION_EXPIRED").map((h) => h.findingId),
        now,
      );

      const grouped = await tx.finding.groupBy({
        by: ["severity"],
        where: { status: { in: ["OPEN", "REOPENED"] } },
        _count: { _all: true },
      });
      const open = emptySeverityCounts();
      for (const group of grouped) open[fromDbSeverity(group.severity)] = group._count._all;
      const counts = { open, new: created.length, resolved, reopened, candidates: input.candidates.length };
      await tx.findingEvaluation.upsert({
        where: { snapshotId },
        create: { snapshotId, asOf, evaluatedAt: now, counts },
        update: { evaluatedAt: now, counts },
      });
      return { snapshotId, skipped: null, candidates: input.candidates.length, new: created.length, resolved, reopened, open };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: MAX_WAIT_MS },
  );
}
