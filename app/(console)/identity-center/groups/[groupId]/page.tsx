import { notFound } from "next/navigation";
import { z } from "zod";
import { findAssignments, findIdcUsers, getIdcGroup, pageParam, snapshotParam } from "@/lib/inventory";
import { AssignmentsTable } from "../../../_components/assignments-table";
import { Badge } from "../../../_components/badges";
import { DetailList, Mono, NoRows, PageHeader, Section, TableWrap } from "../../../_components/page-header";
import { PageState } from "../../../_components/page-state";
import { Pagination } from "../../../_components/pagination";
import { SnapshotSelector } from "../../../_components/snapshot-selector";
import { plainHeaders } from "../../../_components/sortable-header";
import type { RawSearchParams } from "../../../_components/url";
import { openInventoryPage } from "../../../_data/open-inventory-page";

const params = z.object({ snapshot: snapshotParam, membersPage: pageParam, assignmentsPage: pageParam });
const PAGE_SIZE = 50;
/** Identity Store ids: `<10 hex>-<uuid>` (or a bare uuid in older stores). */
const GROUP_ID = /^[A-Za-z0-9-]{1,64}$/;

export default async function IdcGroupPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { groupId } = await routeParams;
  if (!GROUP_ID.test(groupId)) notFound();
  const path = `/identity-center/groups/${groupId}`;
  const page = await openInventoryPage(params, searchParams);
  if (page.state !== "ready") return <PageState title="Identity Center group" path="/identity-center/groups" problem={page} />;
  const { db, query, snapshot } = page;
  const snapshotId = snapshot.id;
  const [group, members, assignments] = await Promise.all([
    getIdcGroup(db, snapshotId, groupId),
    findIdcUsers(db, { snapshotId, groupId, sort: "userName", dir: "asc", page: page.params.membersPage, pageSize: PAGE_SIZE }),
    findAssignments(db, { snapshotId, principalId: groupId, sort: "account", dir: "asc", page: page.params.assignmentsPage, pageSize: PAGE_SIZE }),
  ]);
  const selector = <SnapshotSelector path={path} query={query} snapshot={snapshot} options={page.snapshots} />;
  if (!group) {
    return (
      <>
        <PageHeader title="Identity Center group">{selector}</PageHeader>
        <p>
          Group <Mono>{groupId}</Mono> does not exist in snapshot #{snapshotId}.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={group.displayName ?? group.groupId}>{selector}</PageHeader>
      <DetailList
        items={[
          ["Group id", <Mono key="id">{group.groupId}</Mono>],
          ["Description", group.description ?? "—"],
          ["External ids", group.externalIds.map((e) => `${e.issuer}: ${e.id}`).join(", ") || "—"],
        ]}
      />
      <Section title={`Members (${members.total})`}>
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th>User name</th>
                <th>Display name</th>
                <th>Email</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {members.rows.map((user) => (
                <tr key={user.userId}>
                  <td>{user.userName}</td>
                  <td>{user.displayName ?? "—"}</td>
                  <td>{user.email ?? "—"}</td>
                  <td>{user.status ? <Badge tone={user.status === "ENABLED" ? "ok" : "warn"}>{user.status}</Badge> : "—"}</td>
                </tr>
              ))}
              {members.rows.length === 0 ? <NoRows colSpan={4}>No members.</NoRows> : null}
            </tbody>
          </table>
        </TableWrap>
        <Pagination page={members.page} pageSize={PAGE_SIZE} total={members.total} path={path} query={query} param="membersPage" />
      </Section>
      <Section title={`Assignments (${assignments.total})`}>
        <AssignmentsTable rows={assignments.rows} header={plainHeaders} query={query} />
        <Pagination page={assignments.page} pageSize={PAGE_SIZE} total={assignments.total} path={path} query={query} param="assignmentsPage" />
      </Section>
    </>
  );
}
