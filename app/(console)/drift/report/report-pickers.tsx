import type { SnapshotRef } from "@/lib/inventory";
import { formatDateTime } from "../../_components/format";
import "../../_components/inventory.css";

function SnapshotSelect({ name, label, value, options }: { name: string; label: string; value: number; options: SnapshotRef[] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={String(value)}>
        {options.map((option, index) => (
          <option key={option.id} value={option.id}>
            #{option.id} · {formatDateTime(option.asOf)} · {option.status}
            {index === 0 ? " (latest)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The two snapshots reported on; a GET form, so a report has a shareable address (the scheduled mail links to it). */
export function ReportPickers({ fromId, toId, options }: { fromId: number; toId: number; options: SnapshotRef[] }) {
  return (
    <form method="get" action="/drift/report" className="inv-toolbar" aria-label="snapshots to report on">
      <SnapshotSelect name="since" label="Since snapshot" value={fromId} options={options} />
      <SnapshotSelect name="until" label="Until snapshot" value={toId} options={options} />
      <button type="submit" className="secondary">
        Report
      </button>
    </form>
  );
}
