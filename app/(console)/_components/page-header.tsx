import type { ReactNode } from "react";
import "./inventory.css";

export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="inv-header">
      <h1>{title}</h1>
      {children}
    </header>
  );
}

export function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <section className="inv-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Label/value pairs of a detail page. */
export function DetailList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="inv-details">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The last row of an empty table. */
export function NoRows({ colSpan, children = "Nothing matches these filters." }: { colSpan: number; children?: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="inv-muted">
        {children}
      </td>
    </tr>
  );
}

export function Mono({ children }: { children: ReactNode }) {
  return <span className="inv-mono">{children}</span>;
}

export function TableWrap({ children }: { children: ReactNode }) {
  return <div className="inv-table-wrap">{children}</div>;
}
