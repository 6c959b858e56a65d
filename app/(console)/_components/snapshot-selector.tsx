import type { SnapshotRef } from "@/lib/inventory";
import { SnapshotStatusBadge } from "./badges";
import { formatDateTime } from "./format";
import "./inventory.css";
import { keptParams, type Query } from "./url";

/** Keeps the filters and sort when switching snapshot; the page resets because the rows change. */
const KEPT = [
  "search",
  "sort",
  "dir",
  "pageSize",
  "accountId",
  "ouPath",
  "status",
  "type",
  "mfa",
  "console",
  "activeKeys",
  "permissionSetArn",
  "arn",
  "source",
];

/** Which snapshot the page reads "as of"; the latest readable one unless `?snapshot=` says otherwise. */
export function SnapshotSelector({
  path,
  query,
  snapshot,
  options,
}: {
  path: string;
  query: Query;
  snapshot: SnapshotRef;
  options: SnapshotRef[];
}) {
  return (
    <form method="get" action={path} className="inv-toolbar" aria-label="snapshot">
      {keptParams(query, KEPT).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        Snapshot
        <select name="snapshot" defaultValue={String(snapshot.id)}>
          {options.map((option, index) => (
            <option key={option.id} value={option.id}>
              #{option.id} · {formatDateTime(option.asOf)} · {option.status}
              {index === 0 ? " (latest)" : ""}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary">
        View
      </button>
      <span className="inv-muted">
        As of {formatDateTime(snapshot.asOf)} <SnapshotStatusBadge status={snapshot.status} />
      </span>
    </form>
  );
}
