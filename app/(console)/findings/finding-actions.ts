import { z } from "zod";
import { userActor } from "@/lib/audit";
import { suppressFindings, unsuppressFindings } from "@/lib/findings";
import { defineAction } from "../_actions/define-action";

export type FindingActionResult = { message: string };

const MAX_IDS = 1000;
/** The selected findings, joined into one comma-separated field by actions.ts (a form sends one `ids` per checkbox). */
const IDS = z
  .string({ error: "select at least one finding" })
  .max(20_000, `at most ${MAX_IDS} findings at once`)
  .transform((value) =>
    value
      .split(",")
      .filter((id) => id !== "")
      .map(Number),
  )
  .pipe(
    z
      .array(z.number({ error: "ids must be finding ids" }).int("ids must be finding ids").positive("ids must be finding ids"))
      .min(1, "select at least one finding")
      .max(MAX_IDS, `at most ${MAX_IDS} findings at once`),
  );
const REASON = z
  .string({ error: "a reason is required" })
  .trim()
  .min(1, "a reason is required")
  .max(2000, "the reason is at most 2,000 characters");
/** A calendar day: the suppression lasts until that day starts (00:00 UTC), which must be in the future. */
const UNTIL = z
  .string({ error: "an until date is required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "until must be a date (YYYY-MM-DD)")
  .transform((day) => new Date(`${day}T00:00:00.000Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "until must be a real date");

const REVALIDATE = ["/findings", "/"] as const;
const plural = (count: number) => (count === 1 ? "1 finding" : `${count} findings`);

export const suppressSelectedFindings = defineAction({
  name: "suppressFindings",
  permission: "findings:suppress",
  input: z.object({ ids: IDS, reason: REASON, until: UNTIL }),
  audit: { recordedBy: "audit-trail", action: "finding.suppressed" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<FindingActionResult> => {
    const audit = { actor: userActor(user), requestId, clientAddress: meta.ip };
    const count = await suppressFindings(
      db,
      { ids: input.ids, reason: input.reason, until: input.until, actor: user.displayName },
      new Date(),
      audit,
    );
    return { message: `Suppressed ${plural(count)} until ${input.until.toISOString().slice(0, 10)}.` };
  },
});

export const unsuppressSelectedFindings = defineAction({
  name: "unsuppressFindings",
  permission: "findings:suppress",
  input: z.object({ ids: IDS, reason: REASON.optional() }),
  audit: { recordedBy: "audit-trail", action: "finding.unsuppressed" },
  revalidate: REVALIDATE,
  handler: async ({ db, user, input, meta, requestId }): Promise<FindingActionResult> => {
    const audit = { actor: userActor(user), requestId, clientAddress: meta.ip };
    const count = await unsuppressFindings(db, { ids: input.ids, reason: input.reason, actor: user.displayName }, new Date(), audit);
    return { message: count === 0 ? "None of them was suppressed." : `Lifted the suppression of ${plural(count)}.` };
  },
});
