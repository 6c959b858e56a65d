import Link from "next/link";
import type { FindingRow } from "@/lib/findings";
import type { Column } from "../_components/data-table";
import { formatDateTime } from "../_components/format";
import { accountHref, inventoryHref } from "../_components/inventory-links";
import { Mono } from "../_components/page-header";
import { FindingStatusBadge, SeverityBadge } from "../_components/severity-badge";

export const BULK_FORM_ID = "bulk-suppress";

/** Resolved findings cannot be suppressed (lib/findings refuses), so they get no checkbox. */
const selectable = (row: FindingRow) => row.status !== "resolved";

export function findingColumns(options: { selectable: boolean; accountNames: ReadonlyMap<string, string> }): Array<Column<FindingRow>> {
  const columns: Array<Column<FindingRow>> = [
    {
      key: "severity",
      header: "Severity",
      sortable: true,
      render: (row) => <SeverityBadge severity={row.severity} />,
    },
    {
      key: "status",
      header: "Status",
      sortable: true,
      render: (row) => (
        <>
          <FindingStatusBadge status={row.status} />
          {row.status === "suppressed" && row.suppressedUntil ? (
            <span className="inv-muted"> until {formatDateTime(row.suppressedUntil).slice(0, 10)}</span>
          ) : null}
        </>
      ),
    },
    {
      key: "rule",
      header: "Finding",
      sortable: true,
      render: (row) => (
        <>
          <Link href={`/findings/${row.id}`}>{row.title}</Link>
          <br />
          <Mono>{row.rule}</Mono>
        </>
      ),
    },
    {
      key: "resource",
      header: "Resource",
      render: (row) => {
        const href = inventoryHref(row.resourceArn);
        return href ? (
          <Link href={href}>
            <Mono>{row.resourceArn}</Mono>
          </Link>
        ) : (
          <Mono>{row.resourceArn}</Mono>
        );
      },
    },
    {
      key: "account",
      header: "Account",
      sortable: true,
      render: (row) =>
        row.accountId ? <Link href={accountHref(row.accountId)}>{options.accountNames.get(row.accountId) ?? row.accountId}</Link> : "—",
    },
    { key: "firstSeenAt", header: "First seen", sortable: true, render: (row) => formatDateTime(row.firstSeenAt) },
    { key: "lastSeenAt", header: "Last seen", sortable: true, render: (row) => formatDateTime(row.lastSeenAt) },
  ];
  if (!options.selectable) return columns;
  return [
    {
      key: "select",
      header: "Select",
      render: (row) =>
        selectable(row) ? (
          <input type="checkbox" name="ids" value={row.id} form={BULK_FORM_ID} aria-label={`Select finding ${row.id}`} />
        ) : null,
    },
    ...columns,
  ];
}
