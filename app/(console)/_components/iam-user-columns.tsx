import Link from "next/link";
import type { AccessKeySummary, IamUserRow } from "@/lib/inventory";
import { Badge, FlagBadge } from "./badges";
import type { Column } from "./data-table-columns";
import { ageInDays, formatAge, formatAgo, formatDateTime } from "./format";
import "./inventory.css";
import { Mono } from "./page-header";
import { UsageTime } from "./usage-time";
import { linkAsOf, type Query } from "./url";

/** Access keys older than this are flagged (CIS AWS Foundations 1.14 asks for rotation within 90 days). */
const KEY_ROTATION_DAYS = 90;
/** The credential-report columns, which one "no credential report" cell covers when there is none. */
const REPORT_COLUMNS = 6;

function KeyCell({ accessKey, asOf }: { accessKey: AccessKeySummary | undefined; asOf: Date }) {
  if (!accessKey?.active) return <span className="inv-muted">—</span>;
  const age = ageInDays(accessKey.lastRotatedAt, asOf);
  return (
    <>
      <Badge tone={age !== null && age > KEY_ROTATION_DAYS ? "danger" : "ok"} title={`rotated ${formatDateTime(accessKey.lastRotatedAt)}`}>
        {formatAge(accessKey.lastRotatedAt, asOf)} old
      </Badge>
      <br />
      <small title={accessKey.lastUsedService ?? undefined}>
        used {accessKey.lastUsedAt ? formatAgo(accessKey.lastUsedAt, asOf) : "never"}
      </small>
    </>
  );
}

export const iamUserRowKey = (user: IamUserRow) => user.arn;

/** IAM users with credential ages measured at the snapshot's as-of time. */
export function iamUserColumns(query: Query, asOf: Date, { showAccount = true } = {}): Array<Column<IamUserRow>> {
  const account: Column<IamUserRow> = {
    key: "account",
    header: "Account",
    sortable: true,
    render: (user) => <Link href={linkAsOf(`/accounts/${user.accountId}`, query)}>{user.accountName ?? user.accountId}</Link>,
  };
  return [
    {
      key: "name",
      header: "User",
      sortable: true,
      render: (user) => (
        <>
          <Link href={linkAsOf("/iam/users/detail", query, { arn: user.arn })}>{user.userName}</Link>
          <br />
          <Mono>{user.path}</Mono>
          {user.groupNames.length ? <small> · {user.groupNames.join(", ")}</small> : null}
        </>
      ),
    },
    ...(showAccount ? [account] : []),
    {
      key: "console",
      header: "Console",
      span: (user) => (user.hasCredentialReport ? 1 : REPORT_COLUMNS),
      render: (user) =>
        user.hasCredentialReport ? (
          <FlagBadge value={user.consoleAccess} good={false} />
        ) : (
          <Badge title="the account's credential report was not collected, or the user is newer than it">no credential report</Badge>
        ),
    },
    { key: "mfa", header: "MFA", render: (user) => <FlagBadge value={user.mfaActive} good={true} /> },
    {
      key: "passwordLastUsedAt",
      header: "Password last used",
      sortable: true,
      render: (user) => (user.passwordLastUsedAt ? formatAgo(user.passwordLastUsedAt, asOf) : <UsageTime value={null} state="never" />),
    },
    {
      key: "passwordLastChangedAt",
      header: "Password changed",
      sortable: true,
      render: (user) => formatAgo(user.passwordLastChangedAt, asOf),
    },
    {
      key: "key1RotatedAt",
      header: "Access key 1",
      sortable: true,
      render: (user) => <KeyCell accessKey={user.accessKeys[0]} asOf={asOf} />,
    },
    {
      key: "key2RotatedAt",
      header: "Access key 2",
      sortable: true,
      render: (user) => <KeyCell accessKey={user.accessKeys[1]} asOf={asOf} />,
    },
    { key: "createdAt", header: "Created", sortable: true, render: (user) => formatDateTime(user.createdAt) },
  ];
}
