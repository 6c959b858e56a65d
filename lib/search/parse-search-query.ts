import { z } from "zod";

/** Longer input is no name, ARN or email any AWS service issues; refusing it keeps the queries cheap. */
export const MAX_QUERY_LENGTH = 200;

export const searchQuerySchema = z
  .string()
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "type something to look for").max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`));

/** What the text looks like, so the few kinds it can name are searched by the field that names them. */
export type QueryShape = "account-id" | "arn" | "email" | "text";

export type SearchQuery = { text: string; shape: QueryShape };

const ACCOUNT_ID = /^\d{12}$/;
const ARN = /^arn:[\w-]+:[\w-]*:[\w-]*:\d{0,12}:.+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function parseSearchQuery(raw: string): SearchQuery {
  const text = searchQuerySchema.parse(raw);
  const shape: QueryShape = ACCOUNT_ID.test(text) ? "account-id" : ARN.test(text) ? "arn" : EMAIL.test(text) ? "email" : "text";
  return { text, shape };
}
