import Link from "next/link";
import { findPermissionSets, permissionSetListParams, type PermissionSetRow } from "@/lib/inventory";
import { Badge } from "../_components/badges";
import { DataTable, type Column } from "../_components/data-table";
import { ExportButtons } from "../_components/export-buttons";
import { Duration } from "../_components/duration";
import { TextFilter } from "../_components/filter-form";
import { PageHeader } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { SnapshotSelector } from "../_components/snapshot-selector";
import { linkAsOf, type Query, type RawSearchParams } from "../_components/url";
import { openInventoryPage } from "../_data/open-inventory-page";

const PATH = "/permission-sets";

function permissionSetColumns(query: Query): Array<Column<PermissionSetRow>> {
  return [
    {
      key: "name",
      header: "Name",
      sortable: true,
      render: (set) => (
        <>
          <Link href={linkAsOf(`${PATH}/detail`, query, { arn: set.arn })}>{set.name}</Link>
          {set.description ? (
            <>
              <br />
              <small className="inv-muted">{set.description}</small>
            </>
          ) : null}
        </>
      ),
    },
    { key: "sessionDuration", header: "Session", sortable: true, render: (set) => <Duration iso={set.sessionDuration} /> },
    {
      key: "policies",
      header: "Policies",
      render: (set) => (
        <>
          {set.awsManagedPolicyCount} AWS-managed · {set.customerManagedPolicyCount} customer-managed
          {set.hasInlinePolicy ? (
            <>
              {" "}
              · <Badge>inline</Badge>
            </>
          ) : null}
          {set.hasPermissionsBoundary ? (
            <>
              {" "}
              · <Badge>boundary</Badge>
            </>
          ) : null}
        </>
      ),
    },
    { key: "assignments", header: "Assignments", sortable: true, render: (set) => set.assignmentCount },
    {
      key: "provisioned",
      header: "Provisioned accounts",
      sortable: true,
      render: (set) => set.provisionedAccountCount ?? <Badge title="could not be read in this snapshot">unknown</Badge>,
    },
  ];
}

export default async function PermissionSetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(permissionSetListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Permission sets" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const sets = await findPermissionSets(db, { ...params, snapshotId: snapshot.id });
  return (
    <>
      <PageHeader title="Permission sets">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <DataTable
        columns={permissionSetColumns(query)}
        page={sets}
        rowKey={(set) => set.arn}
        path={PATH}
        query={query}
        filters={<TextFilter name="search" label="Search" value={params.search} placeholder="name, description or ARN" />}
      />
      <ExportButtons href={`${PATH}/export`} query={query} />
    </>
  );
}
