import "./inventory.css";

/** Pretty-printed JSON (policy documents, trust policies); `raw` is shown when the document did not parse. */
export function JsonViewer({ value, raw, label }: { value: unknown; raw?: string | null; label?: string }) {
  if (value === null || value === undefined) {
    return raw ? (
      <>
        <p className="error">Not valid JSON; shown as AWS returned it.</p>
        <pre aria-label={label}>{raw}</pre>
      </>
    ) : (
      <p className="inv-muted">None.</p>
    );
  }
  return <pre aria-label={label}>{JSON.stringify(value, null, 2)}</pre>;
}
