import Link from "next/link";
import type { ReactNode } from "react";
import "./inventory.css";
import { hrefWith, type Query } from "./url";

export interface SortState {
  sort: string;
  dir: "asc" | "desc";
}

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
  current: SortState;
  path: string;
  query: Query;
}) {
  const isActive = current.sort === sortKey;
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

/** Renders a column header; `sortKey` makes it sortable where the table supports sorting. */
export type HeaderFn = (label: string, sortKey?: string) => ReactNode;

export function sortableHeaders(path: string, query: Query, current: SortState): HeaderFn {
  function SortableOrPlain(label: string, sortKey?: string) {
    return sortKey ? (
      <SortableHeader key={label} label={label} sortKey={sortKey} current={current} path={path} query={query} />
    ) : (
      <th key={label}>{label}</th>
    );
  }
  return SortableOrPlain;
}

/** For tables embedded in a detail page: fixed order, no sort links. */
export const plainHeaders: HeaderFn = (label) => <th key={label}>{label}</th>;
