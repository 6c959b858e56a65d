import { z } from "zod";
import { ACCESS_MATRIX_SORTS } from "@/lib/access";
import { pageParam, snapshotParam, sortParam, SORT_DIRECTIONS } from "@/lib/inventory";

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** URL params of /access: the matrix's filters and page, and optionally one principal's paths and chain. */
export const accessPageParams = z.object({
  snapshot: snapshotParam,
  ouId: optionalText(128, "ouId"),
  groupId: optionalText(128, "groupId"),
  permissionSetArn: optionalText(2048, "permissionSetArn"),
  search: optionalText(256, "search"),
  sort: sortParam(ACCESS_MATRIX_SORTS, "userName"),
  dir: z.enum(SORT_DIRECTIONS, { error: "dir must be asc or desc" }).default("asc"),
  page: pageParam,
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50),
  /** whose paths and chain to show: email, user name, group, or IAM role/user ARN */
  principal: optionalText(2048, "principal"),
  /** only the principal's paths into this account */
  accountId: z
    .string()
    .regex(/^\d{12}$/, "accountId must be a 12-digit account id")
    .optional(),
  pathsPage: pageParam,
});

export type AccessPageParams = z.output<typeof accessPageParams>;
