import { z } from "zod";
import { snapshotParam } from "@/lib/inventory";

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** URL params of /access/explain: who, which role, as of which snapshot. */
export const explainPageParams = z.object({
  snapshot: snapshotParam,
  /** email, user name, group, or IAM role/user ARN */
  principal: optionalText(2048, "principal"),
  /** the role ARN to reach */
  role: optionalText(2048, "role"),
});

export type ExplainPageParams = z.output<typeof explainPageParams>;
