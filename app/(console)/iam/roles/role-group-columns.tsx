import Link from "next/link";
import type { IamRoleGroupRow } from "@/lib/inventory";
import { describeTrustPolicy, type TrustDirectory } from "@/lib/policy";
import { Badge } from "../../_components/badges";
import type { Column } from "../../_components/data-table";
import { Mono } from "../../_components/page-header";
import { hrefWith, linkAsOf, type Query } from "../../_components/url";

const PATH = "/iam/roles";

/** The roles list narrowed to one name (every account), keeping the other filters and the snapshot. */
function namedHref(query: Query, roleName: string): string {
  return hrefWith(PATH, query, { view: null, roleName, search: null, page: null, sort: null, dir: null });
}

function Accounts({ group, query }: { group: IamRoleGroupRow; query: Query }) {
  const count = `${group.accountCount} account${group.accountCount === 1 ? "" : "s"}`;
  const more = group.roleCount - group.members.length;
  return (
    <details>
      <summary>{count}</summary>
      <ul>
        {group.members.map((member) => (
          <li key={member.arn}>
            <Link href={linkAsOf("/iam/roles/detail", query, { arn: member.arn })}>{member.accountName ?? member.accountId}</Link>{" "}
            <Mono>{member.accountId}</Mono>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p>
          <Link href={namedHref(query, group.roleName)}>
            and {more} more: list all {group.roleCount}
          </Link>
        </p>
      ) : null}
    </details>
  );
}

/** Who the roles of a group trust: one line when the accounts agree, else each distinct line (of the first accounts). */
function TrustedBy({ group, directory }: { group: IamRoleGroupRow; directory: TrustDirectory }) {
  const lines = [...new Set(group.members.map((m) => describeTrustPolicy(m.trustPolicy, directory).trustedBy))];
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <>
      <Badge tone="warn" title="the roles of this name do not all trust the same kinds of principal">
        differs by account
      </Badge>
      <ul>
        {lines.slice(0, 3).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {lines.length > 3 ? <li>and {lines.length - 3} more</li> : null}
      </ul>
    </>
  );
}

/** Roles grouped by name across accounts: the name, how many accounts have it (expandable), its kind, who it trusts. */
export function roleGroupColumns(query: Query, directory: TrustDirectory): Array<Column<IamRoleGroupRow>> {
  return [
    {
      key: "name",
      header: "Role name",
      sortable: true,
      render: (group) => <Link href={namedHref(query, group.roleName)}>{group.roleName}</Link>,
    },
    { key: "accounts", header: "Accounts", sortable: true, render: (group) => <Accounts group={group} query={query} /> },
    {
      key: "type",
      header: "Type",
      render: (group) =>
        group.permissionSetName ? (
          <>
            <Badge tone="warn" title="Identity Center reserved role">
              SSO
            </Badge>{" "}
            {group.permissionSetArn ? (
              <Link href={linkAsOf("/permission-sets/detail", query, { arn: group.permissionSetArn })}>{group.permissionSetName}</Link>
            ) : (
              group.permissionSetName
            )}
          </>
        ) : group.isServiceLinked ? (
          <Badge>service-linked</Badge>
        ) : null,
    },
    { key: "trustedBy", header: "Trusted by", render: (group) => <TrustedBy group={group} directory={directory} /> },
  ];
}
