import type { SnapshotRef } from "@/lib/inventory";
import { formatDateTime } from "../_components/format";
import "../_components/inventory.css";

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

/** The two snapshots compared; a plain GET form, so the comparison has a shareable address. */
export function DriftPickers({ fromId, toId, options }: { fromId: number; toId: number; options: SnapshotRef[] }) {
  return (
    <form method="get" action="/drift" className="inv-toolbar" aria-label="snapshots to compare">
      <SnapshotSelect name="from" label="From snapshot" value={fromId} options={options} />
      <SnapshotSelect name="to" label="To snapshot" value={toId} options={options} />
      <button type="submit" className="secondary">
        Compare
      </button>
    </form>
  );
}
