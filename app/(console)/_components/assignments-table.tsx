import Link from "next/link";
import type { AssignmentRow } from "@/lib/inventory";
import { Badge } from "./badges";
import { Mono, NoRows, TableWrap } from "./page-header";
import type { HeaderFn } from "./sortable-header";
import { linkAsOf, type Query } from "./url";

function Principal({ row, query }: { row: AssignmentRow; query: Query }) {
  const name = row.principalName ?? (
    <>
      <Mono>{row.principalId}</Mono> <Badge tone="warn" title="not in this snapshot's identity store">missing</Badge>
    </>
  );
  return (
    <>
      <Badge>{row.principalType === "GROUP" ? "group" : "user"}</Badge>{" "}
      {row.principalType === "GROUP" && row.principalName ? (
        <Link href={linkAsOf(`/identity-center/groups/${encodeURIComponent(row.principalId)}`, query)}>{name}</Link>
      ) : (
        name
      )}
    </>
  );
}

/** Account assignments: who (user or group) gets which permission set in which account. */
export function AssignmentsTable({ rows, header, query }: { rows: AssignmentRow[]; header: HeaderFn; query: Query }) {
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            {header("Principal", "principal")}
            {header("Permission set", "permissionSet")}
            {header("Account", "account")}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.accountId}|${row.permissionSetArn}|${row.principalType}|${row.principalId}`}>
              <td>
                <Principal row={row} query={query} />
              </td>
              <td>
                <Link href={linkAsOf("/permission-sets/detail", query, { arn: row.permissionSetArn })}>
                  {row.permissionSetName ?? row.permissionSetArn}
                </Link>
              </td>
              <td>
                <Link href={linkAsOf(`/accounts/${row.accountId}`, query)}>{row.accountName ?? row.accountId}</Link>{" "}
                <Mono>{row.accountId}</Mono>
              </td>
            </tr>
          ))}
          {rows.length === 0 ? <NoRows colSpan={3}>No assignments.</NoRows> : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
