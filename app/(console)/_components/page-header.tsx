import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";
import "./inventory.css";

export const TITLE_SUFFIX = " · Vigil";

type PageHeaderProps = {
  title: ReactNode;
  /** the browser tab's title when `title` is not plain text, or to name the entity's kind: "PaymentsAdmin (role)" */
  documentTitle?: string;
  /** on detail pages: the section's list and any parents; the page itself is appended */
  breadcrumbs?: Crumb[];
  children?: ReactNode;
};

/**
 * A page's heading, breadcrumbs and document title. React hoists the <title> into <head> (also on
 * client navigations), so every console page gets "<Page> · Vigil" from the header it already
 * renders; the root layout sets no title of its own to compete with it.
 */
export function PageHeader({ title, documentTitle, breadcrumbs, children }: PageHeaderProps) {
  const text = documentTitle ?? (typeof title === "string" || typeof title === "number" ? String(title) : undefined);
  return (
    <>
      {text ? <title>{`${text}${TITLE_SUFFIX}`}</title> : null}
      {breadcrumbs?.length ? <Breadcrumbs items={[...breadcrumbs, { label: text ?? "This page" }]} /> : null}
      <header className="inv-header">
        <h1>{title}</h1>
        {children}
      </header>
    </>
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
