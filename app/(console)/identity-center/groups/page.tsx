import Link from "next/link";
import { findIdcGroups, idcGroupListParams, type IdcGroupRow } from "@/lib/inventory";
import { DataTable, type Column } from "../../_components/data-table";
import { ExportButtons } from "../../_components/export-buttons";
import { TextFilter } from "../../_components/filter-form";
import { PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { linkAsOf, type Query, type RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const PATH = "/identity-center/groups";

function groupColumns(query: Query): Array<Column<IdcGroupRow>> {
  return [
    {
      key: "name",
      header: "Group",
      sortable: true,
      render: (group) => (
        <>
          <Link href={linkAsOf(`${PATH}/${encodeURIComponent(group.groupId)}`, query)}>{group.displayName ?? group.groupId}</Link>
          {group.description ? (
            <>
              <br />
              <small className="inv-muted">{group.description}</small>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "members",
      header: "Members",
      sortable: true,
      render: (group) => (
        <>
          {group.memberCount}
          {group.memberPreview.length ? (
            <small className="inv-muted">
              {" "}
              · {group.memberPreview.join(", ")}
              {group.memberCount > group.memberPreview.length ? ", …" : ""}
            </small>
          ) : null}
        </>
      ),
    },
    { key: "assignments", header: "Assignments", sortable: true, render: (group) => group.assignmentCount },
  ];
}

export default async function IdcGroupsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(idcGroupListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Identity Center groups" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const groups = await findIdcGroups(db, { ...params, snapshotId: snapshot.id });
  return (
    <>
      <PageHeader title="Identity Center groups">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <DataTable
        columns={groupColumns(query)}
        page={groups}
        rowKey={(group) => group.groupId}
        path={PATH}
        query={query}
        filters={<TextFilter name="search" label="Search" value={params.search} placeholder="name or description" />}
      />
      <ExportButtons href={`${PATH}/export`} query={query} />
    </>
  );
}
