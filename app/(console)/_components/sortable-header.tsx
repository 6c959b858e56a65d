import Link from "next/link";
import type { Page } from "@/lib/inventory";
import "./inventory.css";
import { hrefWith, type Query } from "./url";

/** A column header that sorts server-side by `sortKey`; clicking the active column flips direction. */
export function SortableHeader({
  label,
  sortKey,
  current,
  path,
  query,
}: {
  label: string;
  sortKey: string;
  current: Page<unknown>["sort"];
  path: string;
  query: Query;
}) {
  const isActive = current.by === sortKey;
  const nextDir = isActive && current.dir === "asc" ? "desc" : "asc";
  const arrow = isActive ? (current.dir === "asc" ? " ▲" : " ▼") : "";
  return (
    <th aria-sort={isActive ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="inv-sort-link" href={hrefWith(path, query, { sort: sortKey, dir: nextDir, page: null })}>
        {label}
        {arrow}
      </Link>
    </th>
  );
}
