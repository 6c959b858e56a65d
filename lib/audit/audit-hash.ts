import { createHash } from "node:crypto";
import type { AuthMethod, Prisma } from "../db";

type AuditActorType = Prisma.AuditActorType;
import { canonicalJson, type JsonValue } from "./canonical-json";

/** The prevHash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** Bumped if the hashed encoding ever changes; entries keep the version they were written with. */
const ENCODING_VERSION = 1;

/** Every column of an entry except its own hash: exactly what the hash covers. */
export type HashedFields = {
  sequence: bigint;
  occurredAt: Date;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string;
  actorAuthMethod: AuthMethod | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  detail: JsonValue;
  requestId: string | null;
  clientAddress: string | null;
  prevHash: string;
};

/**
 * The bytes an entry's hash is taken over: canonical JSON (RFC 8785: sorted keys, no whitespace)
 * of a fixed set of fields, the sequence as a decimal string (bigint has no JSON form) and the time
 * as ISO 8601 with milliseconds, which is what Postgres timestamp(3) keeps.
 */
export function canonicalEntry(fields: HashedFields): string {
  return canonicalJson({
    v: ENCODING_VERSION,
    sequence: fields.sequence.toString(),
    occurredAt: fields.occurredAt.toISOString(),
    actor: { type: fields.actorType, id: fields.actorId, name: fields.actorName, authMethod: fields.actorAuthMethod },
    action: fields.action,
    target: { type: fields.targetType, id: fields.targetId, label: fields.targetLabel },
    detail: fields.detail,
    requestId: fields.requestId,
    clientAddress: fields.clientAddress,
    prevHash: fields.prevHash,
  });
}

/** SHA-256 of the canonical encoding, lower-case hex. */
export function hashEntry(fields: HashedFields): string {
  return createHash("sha256").update(canonicalEntry(fields), "utf8").digest("hex");
}
