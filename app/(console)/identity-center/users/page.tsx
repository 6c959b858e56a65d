import Link from "next/link";
import { findIdcUsers, idcUserListParams, type IdcUserRow } from "@/lib/inventory";
import { Badge } from "../../_components/badges";
import { DataTable, type Column } from "../../_components/data-table";
import { ExportButtons } from "../../_components/export-buttons";
import { SelectFilter, TextFilter } from "../../_components/filter-form";
import { idcUserHref } from "../../_components/inventory-links";
import { Mono, PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import type { RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const PATH = "/identity-center/users";
const STATUSES = [
  { value: "ENABLED", label: "Enabled" },
  { value: "DISABLED", label: "Disabled" },
];

const COLUMNS: Array<Column<IdcUserRow>> = [
  {
    key: "userName",
    header: "User name",
    sortable: true,
    render: (user) => (
      <>
        <Link href={idcUserHref(user.userId)}>{user.userName}</Link>
        <br />
        <Mono>{user.userId}</Mono>
      </>
    ),
  },
  { key: "displayName", header: "Display name", sortable: true, render: (user) => user.displayName ?? "—" },
  { key: "email", header: "Email", sortable: true, render: (user) => user.email ?? "—" },
  {
    key: "status",
    header: "Status",
    sortable: true,
    render: (user) => (user.status ? <Badge tone={user.status === "ENABLED" ? "ok" : "warn"}>{user.status}</Badge> : "—"),
  },
  { key: "groups", header: "Groups", sortable: true, render: (user) => user.groupCount },
  { key: "assignments", header: "Direct assignments", sortable: true, render: (user) => user.assignmentCount },
];

export default async function IdcUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(idcUserListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Identity Center users" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const users = await findIdcUsers(db, { ...params, snapshotId: snapshot.id });
  return (
    <>
      <PageHeader title="Identity Center users">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <DataTable
        columns={COLUMNS}
        page={users}
        rowKey={(user) => user.userId}
        path={PATH}
        query={query}
        filters={
          <>
            <TextFilter name="search" label="Search" value={params.search} placeholder="user name, display name or email" />
            <SelectFilter name="status" label="Status" value={params.status} options={STATUSES} />
          </>
        }
      />
      <ExportButtons href={`${PATH}/export`} query={query} />
    </>
  );
}
