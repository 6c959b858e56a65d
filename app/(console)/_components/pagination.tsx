import Link from "next/link";
import "./inventory.css";
import { hrefWith, type Query } from "./url";

/** "51–100 of 340" with previous/next links that keep every other param; `param` names the page param. */
export function Pagination({
  page,
  pageSize,
  total,
  path,
  query,
  param = "page",
}: {
  page: number;
  pageSize: number;
  total: number;
  path: string;
  query: Query;
  param?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="inv-pager" aria-label="pagination">
      <span>
        {first}–{last} of {total}
      </span>
      {page > 1 ? <Link href={hrefWith(path, query, { [param]: page - 1 === 1 ? null : page - 1 })}>← Previous</Link> : null}
      <span>
        page {Math.min(page, pages)} of {pages}
      </span>
      {page < pages ? <Link href={hrefWith(path, query, { [param]: page + 1 })}>Next →</Link> : null}
      {page > pages ? <Link href={hrefWith(path, query, { [param]: null })}>Back to page 1</Link> : null}
    </nav>
  );
}
