import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { findAssignments, findIdcUsers, getIdcGroup, pageParam, snapshotParam, type IdcUserRow } from "@/lib/inventory";
import { assignmentColumns, assignmentRowKey } from "../../../_components/assignment-columns";
import { Badge } from "../../../_components/badges";
import { DataTable, type Column } from "../../../_components/data-table";
import { idcUserHref } from "../../../_components/inventory-links";
import { DetailList, Mono, PageHeader, Section } from "../../../_components/page-header";
import { PageState } from "../../../_components/page-state";
import { SnapshotSelector } from "../../../_components/snapshot-selector";
import type { RawSearchParams } from "../../../_components/url";
import { openInventoryPage } from "../../../_data/open-inventory-page";

const params = z.object({ snapshot: snapshotParam, membersPage: pageParam, assignmentsPage: pageParam });
const PAGE_SIZE = 50;
/** Identity Store ids: `<10 hex>-<uuid>` (or a bare uuid in older stores). */
const GROUP_ID = /^[A-Za-z0-9-]{1,64}$/;

const MEMBER_COLUMNS: Array<Column<IdcUserRow>> = [
  { key: "userName", header: "User name", render: (user) => <Link href={idcUserHref(user.userId)}>{user.userName}</Link> },
  { key: "displayName", header: "Display name", render: (user) => user.displayName ?? "—" },
  { key: "email", header: "Email", render: (user) => user.email ?? "—" },
  {
    key: "status",
    header: "Status",
    render: (user) => (user.status ? <Badge tone={user.status === "ENABLED" ? "ok" : "warn"}>{user.status}</Badge> : "—"),
  },
];

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
    findAssignments(db, {
      snapshotId,
      principalId: groupId,
      sort: "account",
      dir: "asc",
      page: page.params.assignmentsPage,
      pageSize: PAGE_SIZE,
    }),
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
      <PageHeader
        title={group.displayName ?? group.groupId}
        documentTitle={`${group.displayName ?? group.groupId} (group)`}
        breadcrumbs={[{ label: "Identity Center groups", href: "/identity-center/groups" }]}
      >
        {selector}
      </PageHeader>
      <DetailList
        items={[
          ["Group id", <Mono key="id">{group.groupId}</Mono>],
          ["Description", group.description ?? "—"],
          ["External ids", group.externalIds.map((e) => `${e.issuer}: ${e.id}`).join(", ") || "—"],
        ]}
      />
      <Section title={`Members (${members.total})`}>
        <DataTable
          columns={MEMBER_COLUMNS}
          page={members}
          rowKey={(user) => user.userId}
          path={path}
          query={query}
          canSort={false}
          pageParam="membersPage"
          empty="No members."
        />
      </Section>
      <Section title={`Assignments (${assignments.total})`}>
        <DataTable
          columns={assignmentColumns(query)}
          page={assignments}
          rowKey={assignmentRowKey}
          path={path}
          query={query}
          canSort={false}
          pageParam="assignmentsPage"
          empty="No assignments."
        />
      </Section>
    </>
  );
}
