import { z } from "zod";
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from "../audit";
import type { PrismaClient, TransactionClient } from "../db";
import { findingNotFound, invalidSuppression } from "./finding-errors";

export const MAX_REASON_LENGTH = 2000;
const MAX_BULK = 1000;

const ids = z.array(z.number().int().positive()).min(1, "name at least one finding").max(MAX_BULK, `at most ${MAX_BULK} findings at once`);
const actor = z.string().trim().min(1, "the actor (who) is required").max(200);

export const SUPPRESS_FINDINGS_INPUT = z.object({
  ids,
  reason: z
    .string()
    .trim()
    .min(1, "a reason is required")
    .max(MAX_REASON_LENGTH, `the reason is longer than ${MAX_REASON_LENGTH} characters`),
  until: z.coerce.date({ error: "until must be an ISO date" }),
  actor,
});
export type SuppressFindingsInput = z.input<typeof SUPPRESS_FINDINGS_INPUT>;

export const UNSUPPRESS_FINDINGS_INPUT = z.object({ ids, actor, reason: z.string().trim().max(MAX_REASON_LENGTH).optional() });
export type UnsuppressFindingsInput = z.input<typeof UNSUPPRESS_FINDINGS_INPUT>;

/** Who asked, for the audit trail: the signed-in user (with the request), the CLI operator, or Vigil. */
export type SuppressionAudit = { actor: AuditActor; requestId?: string | null; clientAddress?: string | null };

async function recordSuppressionAudit(
  tx: TransactionClient,
  audit: SuppressionAudit,
  action: "finding.suppressed" | "finding.unsuppressed",
  ids: readonly number[],
  detail: Record<string, string | null>,
): Promise<void> {
  for (const id of ids) {
    await recordAudit(tx, {
      actor: audit.actor,
      action,
      target: { type: "finding", id: String(id) },
      detail,
      requestId: audit.requestId,
      clientAddress: audit.clientAddress,
    });
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidSuppression(result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

/**
 * Suppresses findings until a time in the future, with who and why; all or none (a resolved or
 * unknown finding refuses the whole request). Suppressing again replaces reason and expiry.
 */
export async function suppressFindings(
  db: PrismaClient,
  input: SuppressFindingsInput,
  now: Date = new Date(),
  audit: SuppressionAudit = { actor: SYSTEM_ACTOR },
): Promise<number> {
  const { ids: wanted, reason, until, actor: who } = parse(SUPPRESS_FINDINGS_INPUT, input);
  if (Number.isNaN(until.getTime())) throw invalidSuppression("until must be an ISO date");
  if (until <= now) throw invalidSuppression(`until (${until.toISOString()}) must be in the future`);
  const unique = [...new Set(wanted)];
  return db.$transaction(async (tx) => {
    const rows = await tx.finding.findMany({ where: { id: { in: unique } }, select: { id: true, status: true } });
    const missing = unique.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0) throw findingNotFound(missing);
    const resolved = rows.filter((row) => row.status === "RESOLVED").map((row) => row.id);
    if (resolved.length > 0) throw invalidSuppression(`finding ${resolved.join(", ")} is resolved; only open findings can be suppressed`);
    await tx.finding.updateMany({
      where: { id: { in: unique } },
      data: { status: "SUPPRESSED", suppressedReason: reason, suppressedBy: who, suppressedAt: now, suppressedUntil: until },
    });
    await tx.findingEvent.createMany({
      data: unique.map((findingId) => ({
        findingId,
        type: "SUPPRESSED" as const,
        actor: who,
        reason,
        details: { until: until.toISOString() },
        at: now,
      })),
    });
    await recordSuppressionAudit(tx, audit, "finding.suppressed", unique, { reason, until: until.toISOString() });
    return unique.length;
  });
}

/** Lifts suppressions: the findings are open again, with who and (optionally) why. Findings not suppressed are left alone. */
export async function unsuppressFindings(
  db: PrismaClient,
  input: UnsuppressFindingsInput,
  now: Date = new Date(),
  audit: SuppressionAudit = { actor: SYSTEM_ACTOR },
): Promise<number> {
  const { ids: wanted, actor: who, reason } = parse(UNSUPPRESS_FINDINGS_INPUT, input);
  const unique = [...new Set(wanted)];
  return db.$transaction(async (tx) => {
    const rows = await tx.finding.findMany({ where: { id: { in: unique } }, select: { id: true, status: true } });
    const missing = unique.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0) throw findingNotFound(missing);
    const suppressed = rows.filter((row) => row.status === "SUPPRESSED").map((row) => row.id);
    if (suppressed.length === 0) return 0;
    await tx.finding.updateMany({
      where: { id: { in: suppressed } },
      data: { status: "OPEN", suppressedReason: null, suppressedBy: null, suppressedAt: null, suppressedUntil: null },
    });
    await tx.findingEvent.createMany({
      data: suppressed.map((findingId) => ({ findingId, type: "UNSUPPRESSED" as const, actor: who, reason: reason ?? null, at: now })),
    });
    await recordSuppressionAudit(tx, audit, "finding.unsuppressed", suppressed, { reason: reason ?? null });
    return suppressed.length;
  });
}
