import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { findAssignments, findIamRoles, findIamUsers, getAccount, pageParam, snapshotParam } from "@/lib/inventory";
import { assignmentColumns, assignmentRowKey } from "../../_components/assignment-columns";
import { AccountStatusBadge, Badge, FlagBadge, TagList } from "../../_components/badges";
import { DataTable } from "../../_components/data-table";
import { formatDateTime } from "../../_components/format";
import { iamUserColumns, iamUserRowKey } from "../../_components/iam-user-columns";
import { DetailList, Mono, PageHeader, Section } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { roleColumns, roleRowKey } from "../../_components/role-columns";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { linkAsOf, type RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const params = z.object({ snapshot: snapshotParam, rolesPage: pageParam, usersPage: pageParam, assignmentsPage: pageParam });
const accountIdSchema = z.string().regex(/^\d{12}$/);
const PAGE_SIZE = 25;

export default async function AccountPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { accountId } = await routeParams;
  if (!accountIdSchema.safeParse(accountId).success) notFound();
  const path = `/accounts/${accountId}`;
  const page = await openInventoryPage(params, searchParams);
  if (page.state !== "ready") return <PageState title={`Account ${accountId}`} path={path} problem={page} />;
  const { db, query, snapshot } = page;
  const snapshotId = snapshot.id;
  const [account, roles, users, assignments] = await Promise.all([
    getAccount(db, snapshotId, accountId),
    findIamRoles(db, { snapshotId, accountId, sort: "name", dir: "asc", page: page.params.rolesPage, pageSize: PAGE_SIZE }),
    findIamUsers(db, { snapshotId, accountId, sort: "name", dir: "asc", page: page.params.usersPage, pageSize: PAGE_SIZE }),
    findAssignments(db, { snapshotId, accountId, sort: "principal", dir: "asc", page: page.params.assignmentsPage, pageSize: PAGE_SIZE }),
  ]);
  const selector = <SnapshotSelector path={path} query={query} snapshot={snapshot} options={page.snapshots} />;
  // An id the snapshot does not know is the console's Not Found (its history is on the drift and snapshot pages).
  if (!account) notFound();
  return (
    <>
      <PageHeader title={`${account.name} (${account.id})`} breadcrumbs={[{ label: "Accounts", href: "/accounts" }]}>
        {selector}
      </PageHeader>
      <DetailList
        items={[
          ["ARN", <Mono key="arn">{account.arn}</Mono>],
          ["Email", account.email],
          ["Status", <AccountStatusBadge key="status" status={account.status} />],
          [
            "OU path",
            <Link key="ou" href={linkAsOf("/accounts", query, { ouPath: account.ouPath })}>
              {account.ouPath}
            </Link>,
          ],
          ["Joined", `${formatDateTime(account.joinedAt)}${account.joinedMethod ? ` (${account.joinedMethod.toLowerCase()})` : ""}`],
          ["Tags", <TagList key="tags" tags={account.tags} />],
          [
            "Root user",
            account.root ? (
              <span key="root">
                MFA <FlagBadge value={account.root.mfaActive} good={true} /> · access key{" "}
                <FlagBadge value={account.root.hasActiveAccessKey} good={false} /> · password last used{" "}
                {formatDateTime(account.root.passwordLastUsedAt)}
              </span>
            ) : (
              <Badge key="root">no credential report</Badge>
            ),
          ],
        ]}
      />
      <Section
        title={
          <>
            IAM roles ({roles.total}) <Link href={linkAsOf("/iam/roles", query, { accountId })}>filter all roles</Link>
          </>
        }
      >
        <DataTable
          columns={roleColumns(query, { showAccount: false })}
          page={roles}
          rowKey={roleRowKey}
          path={path}
          query={query}
          canSort={false}
          pageParam="rolesPage"
          empty="No roles."
        />
      </Section>
      <Section
        title={
          <>
            IAM users ({users.total}) <Link href={linkAsOf("/iam/users", query, { accountId })}>filter all users</Link>
          </>
        }
      >
        <DataTable
          columns={iamUserColumns(query, snapshot.asOf, { showAccount: false })}
          page={users}
          rowKey={iamUserRowKey}
          path={path}
          query={query}
          canSort={false}
          pageParam="usersPage"
          empty="No users."
        />
      </Section>
      <Section title={`Identity Center assignments (${assignments.total})`}>
        <DataTable
          columns={assignmentColumns(query)}
          page={assignments}
          rowKey={assignmentRowKey}
          path={path}
          query={query}
          canSort={false}
          pageParam="assignmentsPage"
          empty="No assignments."
        />
      </Section>
    </>
  );
}
