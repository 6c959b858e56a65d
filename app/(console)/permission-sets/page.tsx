import Link from "next/link";
import { findPermissionSets, permissionSetListParams } from "@/lib/inventory";
import { Badge } from "../_components/badges";
import { FilterForm, TextFilter } from "../_components/filter-form";
import { NoRows, PageHeader, TableWrap } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { Pagination } from "../_components/pagination";
import { SnapshotSelector } from "../_components/snapshot-selector";
import { sortableHeaders } from "../_components/sortable-header";
import { linkAsOf, type RawSearchParams } from "../_components/url";
import { openInventoryPage } from "../_data/open-inventory-page";

const PATH = "/permission-sets";

export default async function PermissionSetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(permissionSetListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Permission sets" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const sets = await findPermissionSets(db, { ...params, snapshotId: snapshot.id });
  const header = sortableHeaders(PATH, query, params);
  return (
    <>
      <PageHeader title="Permission sets">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <FilterForm path={PATH} query={query}>
        <TextFilter name="search" label="Search" value={params.search} placeholder="name, description or ARN" />
      </FilterForm>
      <TableWrap>
        <table>
          <thead>
            <tr>
              {header("Name", "name")}
              {header("Session", "sessionDuration")}
              {header("Policies")}
              {header("Assignments", "assignments")}
              {header("Provisioned accounts", "provisioned")}
            </tr>
          </thead>
          <tbody>
            {sets.rows.map((set) => (
              <tr key={set.arn}>
                <td>
                  <Link href={linkAsOf(`${PATH}/detail`, query, { arn: set.arn })}>{set.name}</Link>
                  {set.description ? (
                    <>
                      <br />
                      <small className="inv-muted">{set.description}</small>
                    </>
                  ) : null}
                </td>
                <td>{set.sessionDuration ?? "—"}</td>
                <td>
                  {set.awsManagedPolicyCount} AWS-managed · {set.customerManagedPolicyCount} customer-managed
                  {set.hasInlinePolicy ? <> · <Badge>inline</Badge></> : null}
                  {set.hasPermissionsBoundary ? <> · <Badge>boundary</Badge></> : null}
                </td>
                <td>{set.assignmentCount}</td>
                <td>{set.provisionedAccountCount ?? <Badge title="could not be read in this snapshot">unknown</Badge>}</td>
              </tr>
            ))}
            {sets.rows.length === 0 ? <NoRows colSpan={5} /> : null}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={sets.page} pageSize={sets.pageSize} total={sets.total} path={PATH} query={query} />
    </>
  );
}
