import Link from "next/link";
import type { IamRoleRow } from "@/lib/inventory";
import { Badge } from "./badges";
import { formatDateTime, formatSeconds } from "./format";
import { Mono, NoRows, TableWrap } from "./page-header";
import type { HeaderFn } from "./sortable-header";
import { linkAsOf, type Query } from "./url";

export function roleHref(arn: string, query: Query): string {
  return linkAsOf("/iam/roles/detail", query, { arn });
}

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

/** IAM roles; the account column is dropped on an account's own page. */
export function RolesTable({ rows, header, query, showAccount = true }: { rows: IamRoleRow[]; header: HeaderFn; query: Query; showAccount?: boolean }) {
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            {header("Role", "name")}
            {showAccount ? header("Account", "account") : null}
            {header("Path", "path")}
            {header("Type")}
            {header("Max session", "maxSession")}
            {header("Last used", "lastUsedAt")}
            {header("Created", "createdAt")}
          </tr>
        </thead>
        <tbody>
          {rows.map((role) => (
            <tr key={role.arn}>
              <td>
                <Link href={roleHref(role.arn, query)}>{role.roleName}</Link>
              </td>
              {showAccount ? (
                <td>
                  <Link href={linkAsOf(`/accounts/${role.accountId}`, query)}>{role.accountName ?? role.accountId}</Link>{" "}
                  <Mono>{role.accountId}</Mono>
                </td>
              ) : null}
              <td>
                <Mono>{role.path}</Mono>
              </td>
              <td>
                <RoleKind role={role} query={query} />
              </td>
              <td>{formatSeconds(role.maxSessionDuration)}</td>
              <td>{formatDateTime(role.lastUsedAt)}</td>
              <td>{formatDateTime(role.createdAt)}</td>
            </tr>
          ))}
          {rows.length === 0 ? <NoRows colSpan={showAccount ? 7 : 6} /> : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
