import Link from "next/link";
import type { AssignmentRow } from "@/lib/inventory";
import { Badge } from "./badges";
import type { Column } from "./data-table-columns";
import { principalHref } from "./inventory-links";
import { Mono } from "./page-header";
import { linkAsOf, type Query } from "./url";

function Principal({ row, query }: { row: AssignmentRow; query: Query }) {
  const name = row.principalName ?? (
    <>
      <Mono>{row.principalId}</Mono>{" "}
      <Badge tone="warn" title="not in this snapshot's identity store">
        missing
      </Badge>
    </>
  );
  return (
    <>
      <Badge>{row.principalType === "GROUP" ? "group" : "user"}</Badge>{" "}
      {row.principalName ? <Link href={linkAsOf(principalHref(row.principalType, row.principalId), query)}>{name}</Link> : name}
    </>
  );
}

export const assignmentRowKey = (row: AssignmentRow) => `${row.accountId}|${row.permissionSetArn}|${row.principalType}|${row.principalId}`;

/** Account assignments: who (user or group) gets which permission set in which account. */
export function assignmentColumns(query: Query): Array<Column<AssignmentRow>> {
  return [
    { key: "principal", header: "Principal", sortable: true, render: (row) => <Principal row={row} query={query} /> },
    {
      key: "permissionSet",
      header: "Permission set",
      sortable: true,
      render: (row) => (
        <Link href={linkAsOf("/permission-sets/detail", query, { arn: row.permissionSetArn })}>
          {row.permissionSetName ?? row.permissionSetArn}
        </Link>
      ),
    },
    {
      key: "account",
      header: "Account",
      sortable: true,
      render: (row) => (
        <>
          <Link href={linkAsOf(`/accounts/${row.accountId}`, query)}>{row.accountName ?? row.accountId}</Link> <Mono>{row.accountId}</Mono>
        </>
      ),
    },
  ];
}
