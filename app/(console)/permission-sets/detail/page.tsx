import Link from "next/link";
import { z } from "zod";
import { assignmentTableParams, findAssignments, findIamRoles, getPermissionSet, snapshotParam } from "@/lib/inventory";
import { DataTable } from "../../_components/data-table";
import { assignmentColumns, assignmentRowKey } from "../../_components/assignment-columns";
import { Badge, TagList } from "../../_components/badges";
import { Duration } from "../../_components/duration";
import { formatDateTime } from "../../_components/format";
import { DetailList, Mono, PageHeader, Section } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { linkAsOf, type RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";
import { PermissionSetPolicies } from "./permission-set-policies";

const PATH = "/permission-sets/detail";
const params = assignmentTableParams.extend({
  snapshot: snapshotParam,
  arn: z.string().regex(/^arn:[\w-]+:sso:::permissionSet\/.+$/, "arn must be a permission set ARN"),
});

export default async function PermissionSetPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(params, searchParams);
  if (page.state !== "ready") return <PageState title="Permission set" path="/permission-sets" problem={page} />;
  const { db, query, snapshot } = page;
  const { arn, ...table } = page.params;
  const [set, assignments, roles] = await Promise.all([
    getPermissionSet(db, snapshot.id, arn),
    findAssignments(db, { ...table, snapshotId: snapshot.id, permissionSetArn: arn }),
    findIamRoles(db, { snapshotId: snapshot.id, permissionSetArn: arn, sort: "name", dir: "asc", page: 1, pageSize: 1 }),
  ]);
  const selector = <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />;
  if (!set) {
    return (
      <>
        <PageHeader title="Permission set">{selector}</PageHeader>
        <p>
          <Mono>{arn}</Mono> does not exist in snapshot #{snapshot.id}.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={set.name}
        documentTitle={`${set.name} (permission set)`}
        breadcrumbs={[{ label: "Permission sets", href: "/permission-sets" }]}
      >
        {selector}
      </PageHeader>
      <DetailList
        items={[
          ["ARN", <Mono key="arn">{set.arn}</Mono>],
          ["Description", set.description ?? "—"],
          ["Session duration", <Duration key="session" iso={set.sessionDuration} />],
          ["Relay state", set.relayState ?? "—"],
          ["Created", formatDateTime(set.createdAt)],
          ["Tags", <TagList key="tags" tags={set.tags} />],
          [
            "Reserved roles",
            <Link key="roles" href={linkAsOf("/iam/roles", query, { permissionSetArn: arn })}>
              {roles.total} AWSReservedSSO roles
            </Link>,
          ],
        ]}
      />
      <PermissionSetPolicies set={set} />
      <Section title={`Assignments (${assignments.total})`}>
        <DataTable
          columns={assignmentColumns(query)}
          page={assignments}
          rowKey={assignmentRowKey}
          path={PATH}
          query={query}
          empty="No assignments."
        />
      </Section>
      <Section title={`Provisioned accounts (${set.provisionedAccounts?.length ?? "unknown"})`}>
        {set.provisionedAccounts === null ? (
          <Badge tone="warn">could not be read in this snapshot</Badge>
        ) : set.provisionedAccounts.length === 0 ? (
          <p>Not provisioned to any account.</p>
        ) : (
          <ul>
            {set.provisionedAccounts.map((account) => (
              <li key={account.id}>
                <Link href={linkAsOf(`/accounts/${account.id}`, query)}>{account.name ?? account.id}</Link> <Mono>{account.id}</Mono>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
