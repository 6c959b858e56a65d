import { hrefWith, type Query } from "./url";

/** What a download keeps of the page's URL: its filters, sort and snapshot, never its page. */
const DROPPED = new Set(["page", "pageSize", "pathsPage", "format"]);

/**
 * The CSV and XLSX downloads of a list, with the page's filters: plain links to the list's
 * `/export` route, which streams the file and records the download in the audit trail.
 */
export function ExportButtons({
  href,
  query,
  formats = ["csv", "xlsx"],
}: {
  href: string;
  query: Query;
  formats?: ReadonlyArray<"csv" | "xlsx">;
}) {
  const kept = Object.fromEntries(Object.entries(query).filter(([key]) => !DROPPED.has(key)));
  return (
    <p className="export-buttons">
      {formats.map((format) => (
        <a key={format} href={hrefWith(href, kept, { format })} download className="button-link">
          Download {format.toUpperCase()}
        </a>
      ))}
    </p>
  );
}
