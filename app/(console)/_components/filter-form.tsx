import Link from "next/link";
import type { ReactNode } from "react";
import "./inventory.css";
import { hrefWith, keptParams, type Query } from "./url";

/** Params a filter form carries over; filters reset the page, so `page` is never kept. */
const KEPT = ["snapshot", "sort", "dir", "pageSize"] as const;

/** A GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function FilterForm({ path, query, children }: { path: string; query: Query; children: ReactNode }) {
  return (
    <form method="get" action={path} className="inv-toolbar" role="search">
      {keptParams(query, KEPT).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit">Apply</button>
      <Link href={hrefWith(path, query.snapshot ? { snapshot: query.snapshot } : {})}>Clear</Link>
    </form>
  );
}

export function TextFilter({ name, label, value, placeholder }: { name: string; label: string; value?: string; placeholder?: string }) {
  return (
    <label>
      {label}
      <input type="search" name={name} defaultValue={value ?? ""} placeholder={placeholder} />
    </label>
  );
}

export function SelectFilter({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;
