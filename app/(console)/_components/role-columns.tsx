import Link from "next/link";
import type { IamRoleRow } from "@/lib/inventory";
import { Badge } from "./badges";
import type { Column } from "./data-table-columns";
import { formatDateTime, formatSeconds } from "./format";
import { UsageTime } from "./usage-time";
import { Mono } from "./page-header";
import { linkAsOf, type Query } from "./url";

function RoleKind({ role, query }: { role: IamRoleRow; query: Query }) {
  if (role.permissionSetName) {
    return (
      <>
        <Badge tone="warn" title="Identity Center reserved role">
          SSO
        </Badge>{" "}
        {role.permissionSetArn ? (
          <Link href={linkAsOf("/permission-sets/detail", query, { arn: role.permissionSetArn })}>{role.permissionSetName}</Link>
        ) : (
          role.permissionSetName
        )}
      </>
    );
  }
  return role.isServiceLinked ? <Badge>service-linked</Badge> : null;
}

export const roleRowKey = (role: IamRoleRow) => role.arn;

/** IAM roles; the account column is dropped on an account's own page. */
export function roleColumns(query: Query, { showAccount = true } = {}): Array<Column<IamRoleRow>> {
  const account: Column<IamRoleRow> = {
    key: "account",
    header: "Account",
    sortable: true,
    render: (role) => (
      <>
        <Link href={linkAsOf(`/accounts/${role.accountId}`, query)}>{role.accountName ?? role.accountId}</Link>{" "}
        <Mono>{role.accountId}</Mono>
      </>
    ),
  };
  return [
    {
      key: "name",
      header: "Role",
      sortable: true,
      render: (role) => <Link href={linkAsOf("/iam/roles/detail", query, { arn: role.arn })}>{role.roleName}</Link>,
    },
    ...(showAccount ? [account] : []),
    { key: "path", header: "Path", sortable: true, render: (role) => <Mono>{role.path}</Mono> },
    { key: "type", header: "Type", render: (role) => <RoleKind role={role} query={query} /> },
    { key: "maxSession", header: "Max session", sortable: true, render: (role) => formatSeconds(role.maxSessionDuration) },
    { key: "lastUsedAt", header: "Last used", sortable: true, render: (role) => <UsageTime value={role.lastUsedAt} /> },
    { key: "createdAt", header: "Created", sortable: true, render: (role) => formatDateTime(role.createdAt) },
  ];
}
