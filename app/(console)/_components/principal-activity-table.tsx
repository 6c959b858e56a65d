import Link from "next/link";
import type { PrincipalActivityRow } from "@/lib/inventory";
import type { TrustDirectory } from "@/lib/policy";
import { Badge } from "./badges";
import { accountHref, eventsHref } from "./inventory-links";
import { LocalTime } from "./local-time";
import { Mono, TableWrap } from "./page-header";
import { PrincipalArn } from "./principal-name";
import type { Query } from "./url";

function AccountCell({ accountId, directory }: { accountId: string | null; directory: TrustDirectory }) {
  if (!accountId) return <>—</>;
  const name = directory.accountNames.get(accountId);
  if (name === undefined) return <Mono>{accountId}</Mono>;
  return (
    <>
      <Link href={accountHref(accountId)}>{name}</Link> <Mono>{accountId}</Mono>
    </>
  );
}

function Reached({ row, directory, query }: { row: PrincipalActivityRow; directory: TrustDirectory; query: Query }) {
  if (row.targetRoleArn) return <PrincipalArn reference={row.targetRoleArn} directory={directory} query={query} />;
  if (row.permissionSetName) return <>permission set {row.permissionSetName}</>;
  return <>—</>;
}

/**
 * A principal's latest sign-ins and role assumptions: when, what, into which account and role, from
 * where, with MFA where the event says. `empty` says why there is none.
 */
export function PrincipalActivityTable({
  rows,
  directory,
  query,
  empty,
}: {
  rows: readonly PrincipalActivityRow[];
  directory: TrustDirectory;
  query: Query;
  empty: string;
}) {
  if (rows.length === 0) return <p className="inv-muted">{empty}</p>;
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Event</th>
            <th>Account</th>
            <th>Role or permission set</th>
            <th>Source IP</th>
            <th>MFA</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.eventId}|${row.accountId}`}>
              <td>
                <LocalTime iso={row.eventTime} />
              </td>
              <td>
                <Link href={eventsHref({ accountId: row.accountId, eventName: row.eventName, at: row.eventTime })}>{row.eventName}</Link>
                {row.success ? null : (
                  <>
                    {" "}
                    <Badge tone="danger" title={row.errorCode ?? undefined}>
                      failed
                    </Badge>
                  </>
                )}
              </td>
              <td>
                <AccountCell accountId={row.federatedAccountId ?? row.accountId} directory={directory} />
              </td>
              <td>
                <Reached row={row} directory={directory} query={query} />
              </td>
              <td>
                <span className="inv-nowrap">{row.sourceIp ?? "—"}</span>
              </td>
              <td>{row.mfaUsed === null ? "—" : row.mfaUsed ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
