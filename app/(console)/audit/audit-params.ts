import { z } from "zod";
import type { AuditFilter, ListAuditEntriesInput } from "@/lib/audit";
import { pageParam, SORT_DIRECTIONS } from "@/lib/inventory";

const text = (name: string) =>
  z
    .string()
    .trim()
    .max(200, `${name} must be at most 200 characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

const day = (name: "from" | "to") =>
  z.iso
    .date({ error: `${name} must be a date like 2026-01-31` })
    .refine((date) => date >= "1970-01-01" && date <= "9999-12-30", `${name} must be between 1970-01-01 and 9999-12-30`)
    .optional();

/** URL params of /audit and of its exports (which take the same filters, not the page). */
export const auditListParams = z
  .object({
    actor: text("actor"),
    action: z
      .string()
      .trim()
      .regex(/^$|^[a-z][a-z0-9_.]*(\.\*)?$/, "action must be an action such as auth.sign_in, or a family such as auth.*")
      .max(100)
      .optional()
      .transform((value) => (value ? value : undefined)),
    targetType: text("targetType"),
    target: text("target"),
    from: day("from"),
    to: day("to"),
    dir: z.enum(SORT_DIRECTIONS, { error: "dir must be asc or desc" }).default("desc"),
    page: pageParam,
    pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must not be after to", path: ["from"] });

export type AuditListParams = z.output<typeof auditListParams>;

/** Dates are whole UTC days, both ends included. */
export function toAuditFilter(params: AuditListParams): AuditFilter {
  return {
    actor: params.actor,
    action: params.action,
    targetType: params.targetType,
    target: params.target,
    from: params.from ? new Date(`${params.from}T00:00:00.000Z`) : undefined,
    to: params.to ? new Date(`${params.to}T23:59:59.999Z`) : undefined,
  };
}

export function toListAuditInput(params: AuditListParams): ListAuditEntriesInput {
  return { ...toAuditFilter(params), page: params.page, pageSize: params.pageSize, dir: params.dir };
}

/** What an export keeps of the view: the filters, never the page. */
export const EXPORT_PARAMS = ["actor", "action", "targetType", "target", "from", "to"] as const;
