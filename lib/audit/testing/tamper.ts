import type { PrismaClient } from "../../db";

/**
 * Runs `sql` with triggers switched off, as a superuser attacking the trail could: the append-only
 * trigger does not fire under session_replication_role = replica. Tests only.
 */
export async function bypassingTrigger(db: PrismaClient, sql: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

/** Empties the trail between tests (the trigger refuses DELETE and TRUNCATE otherwise). */
export async function clearAuditTrail(db: PrismaClient): Promise<void> {
  await bypassingTrigger(db, 'DELETE FROM "AuditEntry"');
}
