import Link from "next/link";
import { accountListParams, findAccounts, findOuPaths, type AccountRow } from "@/lib/inventory";
import { AccountStatusBadge, TagList } from "../_components/badges";
import { DataTable, type Column } from "../_components/data-table";
import { SelectFilter, TextFilter } from "../_components/filter-form";
import { Mono, PageHeader } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { SnapshotSelector } from "../_components/snapshot-selector";
import { linkAsOf, type Query, type RawSearchParams } from "../_components/url";
import { openInventoryPage } from "../_data/open-inventory-page";
import { ExportButtons } from "../_components/export-buttons";

const PATH = "/accounts";
const STATUSES = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"].map((s) => ({ value: s, label: s }));

function accountColumns(query: Query): Array<Column<AccountRow>> {
  return [
    {
      key: "id",
      header: "Account id",
      sortable: true,
      render: (account) => (
        <Link href={linkAsOf(`${PATH}/${account.id}`, query)}>
          <Mono>{account.id}</Mono>
        </Link>
      ),
    },
    { key: "name", header: "Name", sortable: true, render: (account) => account.name },
    { key: "email", header: "Email", sortable: true, render: (account) => account.email },
    { key: "ouPath", header: "OU path", sortable: true, render: (account) => account.ouPath },
    { key: "status", header: "Status", sortable: true, render: (account) => <AccountStatusBadge status={account.status} /> },
    { key: "tags", header: "Tags", render: (account) => <TagList tags={account.tags} /> },
    { key: "roles", header: "Roles", render: (account) => account.roleCount },
    { key: "users", header: "Users", render: (account) => account.userCount },
  ];
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(accountListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Accounts" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const [accounts, ouPaths] = await Promise.all([findAccounts(db, { ...params, snapshotId: snapshot.id }), findOuPaths(db, snapshot.id)]);
  return (
    <>
      <PageHeader title="Accounts">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <DataTable
        columns={accountColumns(query)}
        page={accounts}
        rowKey={(account) => account.id}
        path={PATH}
        query={query}
        filters={
          <>
            <TextFilter name="search" label="Search" value={params.search} placeholder="id, name or email" />
            <SelectFilter name="ouPath" label="OU" value={params.ouPath} options={ouPaths.map((p) => ({ value: p, label: p }))} />
            <SelectFilter name="status" label="Status" value={params.status} options={STATUSES} />
          </>
        }
      />
      <ExportButtons href={`${PATH}/export`} query={query} />
    </>
  );
}
