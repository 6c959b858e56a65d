/**
 * Why an AWS CLI output is only part of the listing, or null when it is whole. `--max-items` makes
 * the CLI print a `NextToken`; `--no-paginate` prints the first API page as it came: IAM's
 * `"IsTruncated": true` with a `Marker`, the JSON services' `NextToken`. A file that says so is one
 * page, and its section must not be read as complete.
 */
export function truncationMarker(json: unknown): string | null {
  if (Array.isArray(json)) return json.map(truncationMarker).find((marker) => marker !== null) ?? null;
  if (typeof json !== "object" || json === null) return null;
  const page = json as Record<string, unknown>;
  if (page.IsTruncated === true) return '"IsTruncated": true';
  if (typeof page.NextToken === "string" && page.NextToken !== "") return '"NextToken"';
  if (typeof page.Marker === "string" && page.Marker !== "") return '"Marker"';
  return null;
}
