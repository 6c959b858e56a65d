import { USAGE_STATE_LABELS, type UsageState } from "./format";
import { LocalTime } from "./local-time";

/**
 * A last-used time, or why there is none: "never" (AWS tracked it and saw no use), "unknown" (the
 * source was unreadable) or "not collected" (Vigil has no source for it). Three different answers
 * for an auditor, so they never share an em dash.
 */
export function UsageTime({ value, state = "never" }: { value: string | Date | null | undefined; state?: UsageState }) {
  if (value) return <LocalTime iso={value} />;
  const label = USAGE_STATE_LABELS[state];
  return (
    <span className={`vg-usage vg-usage-${state}`} title={label.title}>
      {label.text}
    </span>
  );
}
