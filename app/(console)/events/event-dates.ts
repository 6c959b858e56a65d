import { z } from "zod";

/** CloudTrail is younger than the Unix epoch; older dates are typos (and year 0 breaks Postgres). */
export const EARLIEST_EVENT_DATE = "1970-01-01";
/** The exclusive bound of `to` is the next midnight, which must still be a four-digit year. */
export const LATEST_EVENT_DATE = "9999-12-30";

const eventDate = (name: "from" | "to") =>
  z.iso
    .date({ error: `${name} must be a date like 2025-01-31`, abort: true })
    .refine(
      (date) => date >= EARLIEST_EVENT_DATE && date <= LATEST_EVENT_DATE,
      `${name} must be between ${EARLIEST_EVENT_DATE} and ${LATEST_EVENT_DATE}`,
    );

/** The events page's date filter; shared by the page's params and the proxy's 400 check. */
export const eventDateRange = z
  .object({ from: eventDate("from").optional(), to: eventDate("to").optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must not be after to", path: ["from"] });

/**
 * What is wrong with the date filter of an /events address, one message per problem (empty when
 * fine). Runs in the proxy so a bad date answers HTTP 400, which a rendered page cannot.
 */
export function findEventDateProblems(query: URLSearchParams): string[] {
  const dates = { from: query.get("from") || undefined, to: query.get("to") || undefined };
  const parsed = eventDateRange.safeParse(dates);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const given = name === "from" || name === "to" ? ` (got "${dates[name]}")` : "";
    return `${issue.message}${given}`;
  });
}
