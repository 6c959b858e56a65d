import { findAccountOptions, findIamUsers, iamUserListParams } from "@/lib/inventory";
import { DataTable } from "../../_components/data-table";
import { ExportButtons } from "../../_components/export-buttons";
import { SelectFilter, TextFilter, YES_NO_OPTIONS } from "../../_components/filter-form";
import { iamUserColumns, iamUserRowKey } from "../../_components/iam-user-columns";
import { PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { SnapshotSelector } from "../../_components/snapshot-selector";
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
      <DataTable
        columns={iamUserColumns(query, snapshot.asOf)}
        page={users}
        rowKey={iamUserRowKey}
        path={PATH}
        query={query}
        caption="Credential ages are measured at the snapshot's time, from each account's IAM credential report."
        filters={
          <>
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
          </>
        }
      />
      <ExportButtons href={`${PATH}/export`} query={query} />
    </>
  );
}
