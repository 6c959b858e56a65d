import { recordAudit, type AuditActor } from "../audit";
import type { Db, TransactionClient } from "../db";
import type { AuthEventType, AuthMethod } from "../db";
import type { RequestMeta } from "./request-meta";

export type AuthEventInput = {
  type: AuthEventType;
  userId: string | null;
  username: string;
  method: AuthMethod;
  actorId?: string | null;
  /** Who acted when no signed-in actorId did (the CLI's operator); Vigil itself by default. */
  auditActor?: AuditActor;
  meta: RequestMeta;
  /** Structured, non-secret facts (reason, old and new role…). Never a password, code or token. */
  detail?: Record<string, string | number | boolean | null | string[]>;
  at?: Date;
};

/** The audit trail's name for each auth event. */
const AUDIT_ACTION: Record<AuthEventType, string> = {
  SIGN_IN_SUCCESS: "auth.sign_in",
  SIGN_IN_FAILURE: "auth.sign_in_failed",
  SIGN_OUT: "auth.sign_out",
  LOCKOUT: "auth.sign_in_delayed",
  TOTP_FAILURE: "auth.totp_failed",
  SIGN_IN_ALERT: "auth.sign_in_alert",
  USER_CREATED: "user.created",
  TOTP_RESET: "user.totp_reset",
  ROLE_CHANGED: "user.role_changed",
  ACCOUNT_UNLOCKED: "user.unlocked",
};

/** Events a person does to themselves; the others are done to an account by someone else (or Vigil). */
const SELF_EVENTS = new Set<AuthEventType>(["SIGN_IN_SUCCESS", "SIGN_OUT"]);
const UNPROVEN_EVENTS = new Set<AuthEventType>(["SIGN_IN_FAILURE", "LOCKOUT", "TOTP_FAILURE", "SIGN_IN_ALERT"]);

async function actorOf(tx: TransactionClient, event: AuthEventInput): Promise<AuditActor> {
  if (event.actorId) {
    const actor = await tx.user.findUnique({ where: { id: event.actorId }, select: { username: true, email: true, isLocal: true } });
    return {
      type: "user",
      id: event.actorId,
      name: actor?.username ?? actor?.email ?? event.actorId,
      authMethod: actor?.isLocal ? "LOCAL" : "OIDC",
    };
  }
  if (SELF_EVENTS.has(event.type) && event.userId)
    return { type: "user", id: event.userId, name: event.username, authMethod: event.method };
  if (UNPROVEN_EVENTS.has(event.type)) return { type: "anonymous", name: event.username, authMethod: event.method };
  return event.auditActor ?? { type: "system", name: event.method === "OIDC" ? "idp" : undefined };
}

async function record(tx: TransactionClient, event: AuthEventInput): Promise<void> {
  const username = event.username.slice(0, 200);
  await tx.authEvent.create({
    data: {
      type: event.type,
      userId: event.userId,
      username,
      method: event.method,
      actorId: event.actorId ?? null,
      ip: event.meta.ip,
      userAgent: event.meta.userAgent,
      detail: event.detail ?? undefined,
      at: event.at,
    },
  });
  await recordAudit(tx, {
    actor: await actorOf(tx, event),
    action: AUDIT_ACTION[event.type],
    target: { type: "user", id: event.userId ?? `username:${username}`, label: username },
    detail: { ...event.detail, method: event.method, userAgent: event.meta.userAgent },
    clientAddress: event.meta.ip,
  });
}

/**
 * Appends one AuthEvent and its audit-trail entry, together. Pass the transaction that makes the
 * change it records; given the client, both go in a transaction of their own.
 */
export async function recordAuthEvent(db: Db, event: AuthEventInput): Promise<void> {
  if ("$transaction" in db && typeof db.$transaction === "function") {
    await db.$transaction((tx) => record(tx, event), { maxWait: 10_000, timeout: 15_000 });
    return;
  }
  await record(db, event);
}
