import { z } from "zod";

/**
 * A zod error as one line per problem, each naming its field ("✖ pageSize must be at most 200 →
 * at pageSize"): z.prettifyError's text, issue by issue, for lists that show or print each problem
 * on its own line (bad settings, bad page parameters).
 */
export function zodIssueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => z.prettifyError(new z.ZodError([issue])).replace(/\n\s*/g, " "));
}
