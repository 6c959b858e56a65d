import { z } from "zod";
import type { FindAccessChangesInput } from "@/lib/drift";
import { pageParam } from "@/lib/inventory";
import { ENTITY_KINDS } from "@/lib/snapshot";
import { eventDateRange } from "../events/event-dates";

const DAY_MS = 86_400_000;

export const changeListParams = z
  .object({
    kind: z.enum(ENTITY_KINDS, { error: "kind must be an entity kind such as IAM_ROLE" }).optional(),
    accountId: z
      .string()
      .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
      .optional(),
    /** last-used times and re-formatted documents are hidden unless this says to show them */
    churn: z.enum(["shown"], { error: "churn must be shown (or absent)" }).optional(),
    page: pageParam,
    pageSize: z.coerce.number().int().min(1).max(200, "pageSize must be at most 200").default(25),
  })
  .and(eventDateRange);

export type ChangeListParams = z.output<typeof changeListParams>;

const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** The feed query: snapshots taken from the `from` day through the whole `to` day. */
export function toAccessChangesInput(p: ChangeListParams): FindAccessChangesInput {
  return {
    kind: p.kind,
    accountId: p.accountId,
    from: p.from ? startOfDay(p.from) : undefined,
    to: p.to ? new Date(startOfDay(p.to).getTime() + DAY_MS) : undefined,
    includeChurn: p.churn === "shown",
    page: p.page,
    pageSize: p.pageSize,
  };
}
