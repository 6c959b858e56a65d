import { z } from "zod";
import { FINDING_SORTS, RULE_IDS, SEVERITIES, STATUS_FILTERS, type ListFindingsInput } from "@/lib/findings";
import { pageParam, sortParam, SORT_DIRECTIONS } from "@/lib/inventory";

const optionalText = z
  .string()
  .trim()
  .max(200, "search must be at most 200 characters")
  .optional()
  .transform((value) => (value ? value : undefined));

/** URL params of /findings (and of its CSV export, which takes the same filters). */
export const findingListParams = z.object({
  status: z.enum(STATUS_FILTERS, { error: `status must be one of: ${STATUS_FILTERS.join(", ")}` }).default("open"),
  severity: z.enum(SEVERITIES, { error: `severity must be one of: ${SEVERITIES.join(", ")}` }).optional(),
  rule: z.enum(RULE_IDS, { error: "rule must be one of the rule ids" }).optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
    .optional(),
  search: optionalText,
  sort: sortParam(FINDING_SORTS, "severity"),
  dir: z.enum(SORT_DIRECTIONS, { error: "dir must be asc or desc" }).default("asc"),
  page: pageParam,
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50),
});

export type FindingListParams = z.output<typeof findingListParams>;

export function toListFindingsInput(params: FindingListParams): ListFindingsInput {
  return {
    status: params.status,
    severity: params.severity ? [params.severity] : undefined,
    rule: params.rule,
    accountId: params.accountId,
    search: params.search,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    pageSize: params.pageSize,
  };
}
