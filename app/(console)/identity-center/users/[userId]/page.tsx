import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  AccessError,
  findAccess,
  findAccessPaths,
  getAccessContext,
  resolveAccessSubject,
  toAccessRows,
  type AccessPage,
} from "@/lib/access";
import type { Db } from "@/lib/db";
import { findPrincipalFindings } from "@/lib/findings";
import { findPrincipalActivity, getIdcUser, getTrustDirectory, pageParam, snapshotParam } from "@/lib/inventory";
import { AwsConfigPanel } from "../../../access/_components/aws-config-panel";
import { ACCESS_PATH_COLUMNS } from "../../../access/access-path-columns";
import { Badge } from "../../../_components/badges";
import { DataTable } from "../../../_components/data-table";
import { plural } from "../../../_components/format";
import { accountHref, idcGroupHref } from "../../../_components/inventory-links";
import { DetailList, Mono, PageHeader, Section, TableWrap } from "../../../_components/page-header";
import { PageState } from "../../../_components/page-state";
import { PrincipalActivityTable } from "../../../_components/principal-activity-table";
import { PrincipalFindingsList } from "../../../_components/principal-findings-list";
import { SnapshotSelector } from "../../../_components/snapshot-selector";
import { linkAsOf, type RawSearchParams } from "../../../_components/url";
import { openInventoryPage } from "../../../_data/open-inventory-page";
import { ReachedAccounts, type ReachedAccount } from "./reached-accounts";

const params = z.object({ snapshot: snapshotParam, pathsPage: pageParam });
/** Identity Store ids: `<10 hex>-<uuid>` (or a bare uuid in older stores). */
const USER_ID = /^[A-Za-z0-9-]{1,64}$/;
const PATHS_PAGE_SIZE = 50;
const LIST = { label: "Identity Center users", href: "/identity-center/users" };

type Access = { state: "ready"; access: AccessPage; accounts: ReachedAccount[] } | { state: "error"; message: string };

/** Every account the person reaches (all paths, not one page of them), with the permission sets that start each. */
async function reachedAccounts(db: Db, userId: string, snapshotId: number): Promise<ReachedAccount[]> {
  const context = await getAccessContext(db, snapshotId);
  const subject = resolveAccessSubject(context.state, context.graph, userId);
  const { paths } = findAccessPaths(context.graph, subject, { maxPaths: 50_000 });
  const accounts = new Map<string, ReachedAccount>();
  for (const { row } of toAccessRows(context.state, paths)) {
    const entry = accounts.get(row.accountId) ?? {
      accountId: row.accountId,
      accountName: row.accountName,
      permissionSets: [],
      roleCount: 0,
    };
    if (row.permissionSet && !entry.permissionSets.includes(row.permissionSet)) entry.permissionSets.push(row.permissionSet);
    entry.roleCount++;
    accounts.set(row.accountId, entry);
  }
  return [...accounts.values()];
}

async function loadAccess(db: Db, userId: string, snapshotId: number, page: number): Promise<Access> {
  try {
    const [access, accounts] = await Promise.all([
      findAccess(db, { principal: userId, snapshotId, page, pageSize: PATHS_PAGE_SIZE }),
      reachedAccounts(db, userId, snapshotId),
    ]);
    return { state: "ready", access, accounts };
  } catch (error) {
    if (error instanceof AccessError) return { state: "error", message: error.message };
    throw error;
  }
}

export default async function IdcUserPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { userId } = await routeParams;
  if (!USER_ID.test(userId)) notFound();
  const path = `/identity-center/users/${userId}`;
  const page = await openInventoryPage(params, searchParams);
  if (page.state !== "ready") return <PageState title="Identity Center user" path={LIST.href} problem={page} />;
  const { db, query, snapshot } = page;
  const [user, directory] = await Promise.all([getIdcUser(db, snapshot.id, userId), getTrustDirectory(db, snapshot.id)]);
  const selector = <SnapshotSelector path={path} query={query} snapshot={snapshot} options={page.snapshots} />;
  if (!user) {
    return (
      <>
        <PageHeader title="Identity Center user" breadcrumbs={[LIST]}>
          {selector}
        </PageHeader>
        <p>
          User <Mono>{userId}</Mono> is not in the identity store in snapshot #{snapshot.id}.
        </p>
      </>
    );
  }
  const groupIds = user.groups.map((g) => g.groupId);
  const groupNames = new Map(user.groups.map((g) => [g.groupId, g.displayName ?? g.groupId]));
  const [access, findings, activity] = await Promise.all([
    loadAccess(db, userId, snapshot.id, page.params.pathsPage),
    findPrincipalFindings(db, { assignmentPrincipalIds: [userId, ...groupIds] }),
    findPrincipalActivity(db, { kind: "idc-user", userId, userName: user.userName, email: user.email }),
  ]);
  const name = user.displayName ?? user.userName;
  return (
    <>
      <PageHeader title={name} documentTitle={`${name} (person)`} breadcrumbs={[LIST]}>
        {selector}
      </PageHeader>
      <DetailList
        items={[
          ["User name", user.userName],
          ["Name", [user.givenName, user.familyName].filter(Boolean).join(" ") || "—"],
          ["Email", user.email ?? "—"],
          [
            "Status",
            user.status ? <Badge tone={user.status === "ENABLED" ? "ok" : "warn"}>{user.status.toLowerCase()}</Badge> : "not reported",
          ],
          ["User id", <Mono key="id">{user.userId}</Mono>],
          ["External ids", user.externalIds.length ? user.externalIds.map((e) => `${e.issuer}: ${e.id}`).join(", ") : "none"],
        ]}
      />
      <Section title={`Groups (${user.groups.length})`}>
        {user.groups.length === 0 ? (
          <p className="inv-muted">Not a member of any group.</p>
        ) : (
          <ul>
            {user.groups.map((group) => (
              <li key={group.groupId}>
                <Link href={linkAsOf(idcGroupHref(group.groupId), query)}>{group.displayName ?? group.groupId}</Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`Assignments (${user.assignments.length}${user.assignmentsTruncated ? "+" : ""})`}>
        {user.assignments.length === 0 ? (
          <p className="inv-muted">No permission set is assigned to this person or to their groups.</p>
        ) : (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th>Account</th>
                  <th>Permission set</th>
                  <th>Assigned</th>
                </tr>
              </thead>
              <tbody>
                {user.assignments.map((a) => (
                  <tr key={`${a.accountId}|${a.permissionSetArn}|${a.viaGroup?.groupId ?? ""}`}>
                    <td>
                      <Link href={linkAsOf(accountHref(a.accountId), query)}>{a.accountName ?? a.accountId}</Link>{" "}
                      <Mono>{a.accountId}</Mono>
                    </td>
                    <td>
                      <Link href={linkAsOf("/permission-sets/detail", query, { arn: a.permissionSetArn })}>
                        {a.permissionSetName ?? a.permissionSetArn}
                      </Link>
                    </td>
                    <td>
                      {a.viaGroup ? (
                        <>
                          via group{" "}
                          <Link href={linkAsOf(idcGroupHref(a.viaGroup.groupId), query)}>
                            {a.viaGroup.displayName ?? a.viaGroup.groupId}
                          </Link>
                        </>
                      ) : (
                        <Badge title="assigned to the person, not through a group">directly</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {user.assignmentsTruncated ? <p className="inv-muted">Only the first {user.assignments.length} are listed.</p> : null}
      </Section>
      <Section title="Effective access">
        {access.state === "error" ? (
          <p className="inv-notice inv-error" role="alert">
            {access.message}
          </p>
        ) : (
          <>
            <ReachedAccounts accounts={access.accounts} query={query} />
            {access.access.truncated ? <p className="inv-notice">More paths exist than were listed.</p> : null}
            <DataTable
              columns={ACCESS_PATH_COLUMNS.filter((c) => c.key !== "principal")}
              page={access.access}
              rowKey={(row) => `${row.accountId}|${row.via.map((hop) => hop.id).join(">")}`}
              path={path}
              query={query}
              canSort={false}
              pageParam="pathsPage"
              caption={`${plural(access.access.total, "path")} from this person to a role, with the session AWS allows and the last use CloudTrail shows.`}
              empty="This person reaches no role: no assignment is provisioned to an account."
            />
          </>
        )}
      </Section>
      <Section title={`Open findings (${findings.length})`}>
        <PrincipalFindingsList
          findings={findings}
          note={(finding) => {
            const assignment = (finding.evidence as { assignment?: { principalType?: string; principalId?: string } }).assignment;
            return assignment?.principalType === "GROUP" && assignment.principalId
              ? `via group ${groupNames.get(assignment.principalId) ?? assignment.principalId}`
              : null;
          }}
        />
      </Section>
      <Section title="Recent sign-ins and role assumptions">
        <PrincipalActivityTable
          rows={activity}
          directory={directory}
          query={query}
          empty="No ingested CloudTrail event names this person (portal sign-ins, or sessions of their permission sets)."
        />
      </Section>
      <Section title="Get me there: AWS CLI config">
        <AwsConfigPanel db={db} principal={userId} snapshotId={snapshot.id} />
        <p>
          <Link href={`/access/explain?${new URLSearchParams({ principal: user.userName, snapshot: String(snapshot.id) }).toString()}`}>
            Why can&apos;t this person reach a role?
          </Link>
        </p>
      </Section>
    </>
  );
}
