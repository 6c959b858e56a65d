import type { Db } from "../db";
import type { AuthEventType, AuthMethod } from "../db";
import type { RequestMeta } from "./request-meta";

export type AuthEventInput = {
  type: AuthEventType;
  userId: string | null;
  username: string;
  method: AuthMethod;
  actorId?: string | null;
  meta: RequestMeta;
  /** Structured, non-secret facts (reason, old and new role…). Never a password, code or token. */
  detail?: Record<string, string | number | boolean | null | string[]>;
  at?: Date;
};

/** Appends one AuthEvent; pass the transaction that makes the change it records. */
export async function recordAuthEvent(db: Db, event: AuthEventInput): Promise<void> {
  await db.authEvent.create({
    data: {
      type: event.type,
      userId: event.userId,
      username: event.username.slice(0, 200),
      method: event.method,
      actorId: event.actorId ?? null,
      ip: event.meta.ip,
      userAgent: event.meta.userAgent,
      detail: event.detail ?? undefined,
      at: event.at,
    },
  });
}
