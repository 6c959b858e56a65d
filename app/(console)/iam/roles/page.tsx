import { findAccountOptions, findIamRoles, roleListParams } from "@/lib/inventory";
import { DataTable } from "../../_components/data-table";
import { SelectFilter, TextFilter } from "../../_components/filter-form";
import { PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { roleColumns, roleRowKey } from "../../_components/role-columns";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import type { RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const PATH = "/iam/roles";
const TYPES = [
  { value: "sso", label: "Identity Center (SSO)" },
  { value: "service-linked", label: "Service-linked" },
  { value: "custom", label: "Other" },
];

export default async function IamRolesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(roleListParams, searchParams);
  if (page.state !== "ready") return <PageState title="IAM roles" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const [roles, accounts] = await Promise.all([
    findIamRoles(db, { ...params, snapshotId: snapshot.id }),
    findAccountOptions(db, snapshot.id),
  ]);
  return (
    <>
      <PageHeader title="IAM roles">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <DataTable
        columns={roleColumns(query)}
        page={roles}
        rowKey={roleRowKey}
        path={PATH}
        query={query}
        filters={
          <>
            <TextFilter name="search" label="Search" value={params.search} placeholder="role name or ARN" />
            <SelectFilter
              name="accountId"
              label="Account"
              value={params.accountId}
              options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
            />
            <SelectFilter name="type" label="Type" value={params.type} options={TYPES} />
            {params.permissionSetArn ? <input type="hidden" name="permissionSetArn" value={params.permissionSetArn} /> : null}
          </>
        }
      />
    </>
  );
}
