import Link from "next/link";
import { findIdcGroups, idcGroupListParams } from "@/lib/inventory";
import { FilterForm, TextFilter } from "../../_components/filter-form";
import { NoRows, PageHeader, TableWrap } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { Pagination } from "../../_components/pagination";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { sortableHeaders } from "../../_components/sortable-header";
import { linkAsOf, type RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const PATH = "/identity-center/groups";

export default async function IdcGroupsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(idcGroupListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Identity Center groups" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const groups = await findIdcGroups(db, { ...params, snapshotId: snapshot.id });
  const header = sortableHeaders(PATH, query, params);
  return (
    <>
      <PageHeader title="Identity Center groups">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <FilterForm path={PATH} query={query}>
        <TextFilter name="search" label="Search" value={params.search} placeholder="name or description" />
      </FilterForm>
      <TableWrap>
        <table>
          <thead>
            <tr>
              {header("Group", "name")}
              {header("Members", "members")}
              {header("Assignments", "assignments")}
            </tr>
          </thead>
          <tbody>
            {groups.rows.map((group) => (
              <tr key={group.groupId}>
                <td>
                  <Link href={linkAsOf(`${PATH}/${encodeURIComponent(group.groupId)}`, query)}>{group.displayName ?? group.groupId}</Link>
                  {group.description ? (
                    <>
                      <br />
                      <small className="inv-muted">{group.description}</small>
                    </>
                  ) : null}
                </td>
                <td>
                  {group.memberCount}
                  {group.memberPreview.length ? (
                    <small className="inv-muted">
                      {" "}
                      · {group.memberPreview.join(", ")}
                      {group.memberCount > group.memberPreview.length ? ", …" : ""}
                    </small>
                  ) : null}
                </td>
                <td>{group.assignmentCount}</td>
              </tr>
            ))}
            {groups.rows.length === 0 ? <NoRows colSpan={3} /> : null}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={groups.page} pageSize={groups.pageSize} total={groups.total} path={PATH} query={query} />
    </>
  );
}
