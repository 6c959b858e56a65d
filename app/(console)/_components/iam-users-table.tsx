import Link from "next/link";
import type { AccessKeySummary, IamUserRow } from "@/lib/inventory";
import { Badge, FlagBadge } from "./badges";
import { ageInDays, formatAge, formatAgo, formatDateTime } from "./format";
import "./inventory.css";
import { Mono, NoRows, TableWrap } from "./page-header";
import type { HeaderFn } from "./sortable-header";
import { linkAsOf, type Query } from "./url";

/** Access keys older than this are flagged (CIS AWS Foundations 1.14 asks for rotation within 90 days). */
const KEY_ROTATION_DAYS = 90;

function KeyCell({ accessKey, asOf }: { accessKey: AccessKeySummary | undefined; asOf: Date }) {
  if (!accessKey?.active) return <span className="inv-muted">—</span>;
  const age = ageInDays(accessKey.lastRotatedAt, asOf);
  return (
    <>
      <Badge tone={age !== null && age > KEY_ROTATION_DAYS ? "danger" : "ok"} title={`rotated ${formatDateTime(accessKey.lastRotatedAt)}`}>
        {formatAge(accessKey.lastRotatedAt, asOf)} old
      </Badge>
      <br />
      <small title={accessKey.lastUsedService ?? undefined}>used {accessKey.lastUsedAt ? formatAgo(accessKey.lastUsedAt, asOf) : "never"}</small>
    </>
  );
}

/** IAM users with credential ages measured at the snapshot's as-of time. */
export function IamUsersTable({
  rows,
  header,
  query,
  asOf,
  showAccount = true,
}: {
  rows: IamUserRow[];
  header: HeaderFn;
  query: Query;
  asOf: Date;
  showAccount?: boolean;
}) {
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            {header("User", "name")}
            {showAccount ? header("Account", "account") : null}
            {header("Console")}
            {header("MFA")}
            {header("Password last used", "passwordLastUsedAt")}
            {header("Password changed", "passwordLastChangedAt")}
            {header("Access key 1", "key1RotatedAt")}
            {header("Access key 2", "key2RotatedAt")}
            {header("Created", "createdAt")}
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.arn}>
              <td>
                {user.userName}
                <br />
                <Mono>{user.path}</Mono>
                {user.groupNames.length ? <small> · {user.groupNames.join(", ")}</small> : null}
              </td>
              {showAccount ? (
                <td>
                  <Link href={linkAsOf(`/accounts/${user.accountId}`, query)}>{user.accountName ?? user.accountId}</Link>
                </td>
              ) : null}
              {user.hasCredentialReport ? (
                <>
                  <td>
                    <FlagBadge value={user.consoleAccess} good={false} />
                  </td>
                  <td>
                    <FlagBadge value={user.mfaActive} good={true} />
                  </td>
                  <td>{formatAgo(user.passwordLastUsedAt, asOf)}</td>
                  <td>{formatAgo(user.passwordLastChangedAt, asOf)}</td>
                  <td>
                    <KeyCell accessKey={user.accessKeys[0]} asOf={asOf} />
                  </td>
                  <td>
                    <KeyCell accessKey={user.accessKeys[1]} asOf={asOf} />
                  </td>
                </>
              ) : (
                <td colSpan={6}>
                  <Badge title="the account's credential report was not collected, or the user is newer than it">no credential report</Badge>
                </td>
              )}
              <td>{formatDateTime(user.createdAt)}</td>
            </tr>
          ))}
          {rows.length === 0 ? <NoRows colSpan={showAccount ? 9 : 8} /> : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
