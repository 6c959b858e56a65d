import type { JsonChange } from "@/lib/drift";
import "./drift.css";

function Value({ value }: { value: unknown }) {
  if (typeof value === "string") return <code>{value}</code>;
  if (value !== null && typeof value === "object") return <pre>{JSON.stringify(value, null, 2)}</pre>;
  return <code>{JSON.stringify(value)}</code>;
}

const SIGN: Record<JsonChange["kind"], string> = { added: "+", removed: "−", changed: "~" };

/** Field-level differences, one line per path: added in green, removed in red, changed with before → after. */
export function JsonDiff({ changes, label }: { changes: JsonChange[]; label: string }) {
  return (
    <ul className="drift-diff" aria-label={label}>
      {changes.map((change, index) => (
        <li key={`${change.path}|${index}`} className={`drift-${change.kind}`}>
          {SIGN[change.kind]} <strong>{change.path || "(value)"}</strong> {change.kind === "added" ? <Value value={change.after} /> : null}
          {change.kind === "removed" ? <Value value={change.before} /> : null}
          {change.kind === "changed" ? (
            <>
              <Value value={change.before} /> → <Value value={change.after} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
