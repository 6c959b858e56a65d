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

/** How a pair of snapshots is asked for: the drift page compares, the drift report reports on. */
const PICKER_FORMS = {
  compare: {
    action: "/drift",
    ariaLabel: "snapshots to compare",
    from: ["from", "From snapshot"],
    to: ["to", "To snapshot"],
    submit: "Compare",
  },
  report: {
    action: "/drift/report",
    ariaLabel: "snapshots to report on",
    from: ["since", "Since snapshot"],
    to: ["until", "Until snapshot"],
    submit: "Report",
  },
} as const;

/** Two snapshots picked in a plain GET form, so the comparison or report has a shareable address (the scheduled mail links to it). */
export function DriftPickers({
  fromId,
  toId,
  options,
  purpose = "compare",
}: {
  fromId: number;
  toId: number;
  options: SnapshotRef[];
  purpose?: keyof typeof PICKER_FORMS;
}) {
  const form = PICKER_FORMS[purpose];
  return (
    <form method="get" action={form.action} className="inv-toolbar" aria-label={form.ariaLabel}>
      <SnapshotSelect name={form.from[0]} label={form.from[1]} value={fromId} options={options} />
      <SnapshotSelect name={form.to[0]} label={form.to[1]} value={toId} options={options} />
      <button type="submit" className="secondary">
        {form.submit}
      </button>
    </form>
  );
}
