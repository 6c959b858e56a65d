import { formatIsoDuration, formatSeconds, parseIsoDuration, secondsToIso } from "./format";

type DurationProps = {
  /** what AWS configures: an ISO-8601 duration (Identity Center) … */
  iso?: string | null;
  /** … or seconds (IAM, effective sessions) */
  seconds?: number | null;
  /** why the value is lower than configured (e.g. "role chaining caps a chained session at 1 h") */
  cappedBy?: string | null;
};

/** A duration in words (`12 h`) with the configured ISO value, and what caps it, on hover. */
export function Duration({ iso, seconds, cappedBy }: DurationProps) {
  const value = seconds ?? parseIsoDuration(iso);
  const text = iso !== undefined && iso !== null && seconds === undefined ? formatIsoDuration(iso) : formatSeconds(seconds);
  if (value === null || value === undefined) return <span>{text}</span>;
  const configured = iso ?? secondsToIso(value);
  const title = [`${configured} (${value.toLocaleString("en-US")} s)`, cappedBy].filter(Boolean).join(" — ");
  return (
    <span className="vg-hint" title={title} data-iso={configured}>
      {text}
      {cappedBy ? <span className="vg-sr-only"> ({cappedBy})</span> : null}
    </span>
  );
}
