import { findIdcUsers, idcUserListParams } from "@/lib/inventory";
import { Badge } from "../../_components/badges";
import { FilterForm, SelectFilter, TextFilter } from "../../_components/filter-form";
import { Mono, NoRows, PageHeader, TableWrap } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { Pagination } from "../../_components/pagination";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { sortableHeaders } from "../../_components/sortable-header";
import type { RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";

const PATH = "/identity-center/users";
const STATUSES = [
  { value: "ENABLED", label: "Enabled" },
  { value: "DISABLED", label: "Disabled" },
];

export default async function IdcUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(idcUserListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Identity Center users" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const users = await findIdcUsers(db, { ...params, snapshotId: snapshot.id });
  const header = sortableHeaders(PATH, query, params);
  return (
    <>
      <PageHeader title="Identity Center users">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <FilterForm path={PATH} query={query}>
        <TextFilter name="search" label="Search" value={params.search} placeholder="user name, display name or email" />
        <SelectFilter name="status" label="Status" value={params.status} options={STATUSES} />
      </FilterForm>
      <TableWrap>
        <table>
          <thead>
            <tr>
              {header("User name", "userName")}
              {header("Display name", "displayName")}
              {header("Email", "email")}
              {header("Status", "status")}
              {header("Groups", "groups")}
              {header("Direct assignments", "assignments")}
            </tr>
          </thead>
          <tbody>
            {users.rows.map((user) => (
              <tr key={user.userId}>
                <td>
                  {user.userName}
                  <br />
                  <Mono>{user.userId}</Mono>
                </td>
                <td>{user.displayName ?? "—"}</td>
                <td>{user.email ?? "—"}</td>
                <td>{user.status ? <Badge tone={user.status === "ENABLED" ? "ok" : "warn"}>{user.status}</Badge> : "—"}</td>
                <td>{user.groupCount}</td>
                <td>{user.assignmentCount}</td>
              </tr>
            ))}
            {users.rows.length === 0 ? <NoRows colSpan={6} /> : null}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={users.page} pageSize={users.pageSize} total={users.total} path={PATH} query={query} />
    </>
  );
}
