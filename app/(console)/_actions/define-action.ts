import { z } from "zod";
import { hasPermission, requestMetaFrom, rolesWithPermission, type Permission, type RequestMeta, type SessionUser } from "@/lib/auth";
import type { Prisma, PrismaClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http";
import type { Logger } from "@/lib/log";
import { describeActionFailure } from "../_data/describe-action-failure";
import type { ActionState } from "./action-state";
import { formFields } from "./form-fields";

/**
 * Where the action's audit entry comes from. Required, so an action cannot be written without
 * saying: the wrapper writes nothing itself, because an entry written outside the change's
 * transaction could record a change that rolled back (or miss one that committed).
 */
export type ActionAudit =
  /** The domain function the handler calls records this event in the transaction that makes the change. */
  | { recordedBy: "domain"; event: Prisma.AuthEventType }
  /**
   * The domain function appends this audit-trail entry (lib/audit `recordAudit(tx, …)`, with the
   * handler's user, requestId and meta.ip) in the transaction that makes the change.
   */
  | { recordedBy: "audit-trail"; action: `${string}.${string}` }
  /** The action changes nothing an auditor needs to see; the reason says why. */
  | { recordedBy: "nobody"; reason: string };

export type ActionHandlerInput<I> = { db: PrismaClient; user: SessionUser; input: I; meta: RequestMeta; requestId: string };

export type ActionDefinition<S extends z.ZodType, R extends object> = {
  /** Names the action in logs ("createUser"). */
  name: string;
  /** Checked on the server for every call; admin holds every permission. */
  permission: Permission;
  /** Parses the form's fields; a failure names the bad fields and the handler never runs. */
  input: S;
  audit: ActionAudit;
  /** Pages whose cached render shows what the action changes. */
  revalidate: readonly string[];
  handler: (input: ActionHandlerInput<z.output<S>>) => Promise<R>;
};

/** What one call needs from the request; `serveAction` reads it from Next, tests pass it in. */
export type ActionContext = {
  /** The client, not a transaction: domain functions open their own, with their audit entry in it. */
  db: PrismaClient;
  user: SessionUser;
  headers: Headers;
  /** The configured origin (BETTER_AUTH_URL), which the request's Origin must match. */
  baseUrl: string;
  requestId: string;
  log: Logger;
  revalidate: (path: string) => void;
};

export type DefinedAction<S extends z.ZodType, R extends object> = ActionDefinition<S, R> & {
  /** The whole action short of Next's plumbing: origin, permission, input, handler, revalidation. */
  run: (context: ActionContext, form: FormData) => Promise<ActionState<R>>;
};

function invalidInput(error: z.ZodError): AppError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join(".") || "(root)"))];
  return new AppError("BAD_REQUEST", z.prettifyError(error), { details: { fields } });
}

function badFields(error: AppError): string[] | undefined {
  const fields = error.details?.fields;
  return Array.isArray(fields) ? fields.map(String) : undefined;
}

/**
 * The one server-action wrapper, mirroring withRoute: same-origin check, session permission,
 * zod-parsed input, the handler, revalidation, and every failure logged under the request id.
 */
export function defineAction<S extends z.ZodType, R extends object>(definition: ActionDefinition<S, R>): DefinedAction<S, R> {
  async function run(context: ActionContext, form: FormData): Promise<ActionState<R>> {
    const { user, requestId, log } = context;
    try {
      // Next refuses an Origin that differs from Host, but lets a request without Origin through;
      // this check fails closed and compares with the configured origin, not a header.
      if (!isSameOriginRequest(context.headers, context.baseUrl)) throw new AppError("CROSS_ORIGIN", "cross-origin request refused");
      if (!hasPermission(user, definition.permission)) {
        throw new AppError("FORBIDDEN", `requires role ${rolesWithPermission(definition.permission).join(" or ")}`);
      }
      const parsed = definition.input.safeParse(formFields(form));
      if (!parsed.success) throw invalidInput(parsed.error);
      const result = await definition.handler({
        db: context.db,
        user,
        input: parsed.data,
        meta: requestMetaFrom(context.headers),
        requestId,
      });
      for (const path of definition.revalidate) context.revalidate(path);
      const declared = definition.audit;
      const audit = declared.recordedBy === "nobody" ? null : declared.recordedBy === "audit-trail" ? declared.action : declared.event;
      log.info({ requestId, action: definition.name, actorId: user.id, audit }, "server action done");
      return { ok: true, ...result };
    } catch (error) {
      const failure = describeActionFailure({ action: definition.name, error, requestId, log });
      const fields = error instanceof AppError ? badFields(error) : undefined;
      return { ok: false, ...failure, ...(fields ? { fields } : {}) };
    }
  }
  return { ...definition, run };
}
