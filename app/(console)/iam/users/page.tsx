import { findAccountOptions, findIamUsers, iamUserListParams } from "@/lib/inventory";
import { FilterForm, SelectFilter, TextFilter, YES_NO_OPTIONS } from "../../_components/filter-form";
import { IamUsersTable } from "../../_components/iam-users-table";
import { PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { Pagination } from "../../_components/pagination";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { sortableHeaders } from "../../_components/sortable-header";
import type { RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const PATH = "/iam/users";

export default async function IamUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(iamUserListParams, searchParams);
  if (page.state !== "ready") return <PageState title="IAM users" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const [users, accounts] = await Promise.all([
    findIamUsers(db, { ...params, snapshotId: snapshot.id }),
    findAccountOptions(db, snapshot.id),
  ]);
  return (
    <>
      <PageHeader title="IAM users">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <FilterForm path={PATH} query={query}>
        <TextFilter name="search" label="Search" value={params.search} placeholder="user name or ARN" />
        <SelectFilter
          name="accountId"
          label="Account"
          value={params.accountId}
          options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
        />
        <SelectFilter name="console" label="Console access" value={params.console} options={YES_NO_OPTIONS} />
        <SelectFilter name="mfa" label="MFA" value={params.mfa} options={YES_NO_OPTIONS} />
        <SelectFilter name="activeKeys" label="Active access keys" value={params.activeKeys} options={YES_NO_OPTIONS} />
      </FilterForm>
      <p className="inv-muted">Credential ages are measured at the snapshot&apos;s time, from each account&apos;s IAM credential report.</p>
      <IamUsersTable rows={users.rows} header={sortableHeaders(PATH, query, params)} query={query} asOf={snapshot.asOf} />
      <Pagination page={users.page} pageSize={users.pageSize} total={users.total} path={PATH} query={query} />
    </>
  );
}
