import Link from "next/link";
import {
  AccessError,
  chainSubgraph,
  findAccess,
  getAccessContext,
  getAccessMatrix,
  type AccessContext,
  type AccessPage,
} from "@/lib/access";
import type { Db } from "@/lib/db";
import { DataTable } from "../_components/data-table";
import { ExportButtons } from "../_components/export-buttons";
import { SelectFilter, TextFilter } from "../_components/filter-form";
import { Mono, PageHeader, Section } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { SnapshotSelector } from "../_components/snapshot-selector";
import { hrefWith, keptParams, type Query, type RawSearchParams } from "../_components/url";
import { openInventoryPage } from "../_data/open-inventory-page";
import { accessMatrixColumns } from "./access-matrix-columns";
import { accessPageParams, type AccessPageParams } from "./access-params";
import { ACCESS_PATH_COLUMNS } from "./access-path-columns";
import "./access.css";
import { ChainGraph } from "./chain-graph";
import { toChainProps } from "./to-chain-props";

export const dynamic = "force-dynamic";

const PATH = "/access";
const PATHS_PAGE_SIZE = 50;
/** What the principal form keeps of the view: the matrix's filters and the snapshot. */
const MATRIX_PARAMS = ["snapshot", "ouId", "groupId", "permissionSetArn", "search", "sort", "dir", "page", "pageSize"] as const;

type PrincipalAccess = { state: "none" } | { state: "error"; message: string } | { state: "ready"; access: AccessPage };

async function loadPrincipal(db: Db, params: AccessPageParams, snapshotId: number): Promise<PrincipalAccess> {
  if (!params.principal) return { state: "none" };
  try {
    const access = await findAccess(db, {
      principal: params.principal,
      accountId: params.accountId,
      snapshotId,
      page: params.pathsPage,
      pageSize: PATHS_PAGE_SIZE,
    });
    return { state: "ready", access };
  } catch (error) {
    if (error instanceof AccessError) return { state: "error", message: error.message };
    throw error;
  }
}

export default async function AccessPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(accessPageParams, searchParams);
  if (page.state !== "ready") return <PageState title="Access" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const context = await getAccessContext(db, snapshot.id);
  const matrix = getAccessMatrix(context, {
    ouId: params.ouId,
    groupId: params.groupId,
    permissionSetArn: params.permissionSetArn,
    search: params.search,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    pageSize: params.pageSize,
  });
  const principal = await loadPrincipal(db, params, snapshot.id);
  return (
    <>
      <PageHeader title="Access">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <Section title="People × accounts">
        <DataTable
          columns={accessMatrixColumns(matrix, query)}
          page={matrix}
          rowKey={(row) => row.userId}
          path={PATH}
          query={query}
          empty="Nobody reaches an account with these filters."
          caption="Each cell: the permission sets a person's access into the account starts with; open a person for every path."
          filters={<MatrixFilters context={context} params={params} />}
        />
        <ExportButtons href={`${PATH}/export`} query={query} />
      </Section>
      <PrincipalForm query={query} principal={params.principal} />
      <PrincipalSection principal={principal} context={context} params={params} query={query} />
    </>
  );
}

function MatrixFilters({ context, params }: { context: AccessContext; params: AccessPageParams }) {
  const idc = context.state.identityCenter;
  const ous = [...context.state.ous].sort((a, b) => a.path.localeCompare(b.path));
  const groups = [...(idc?.groups ?? [])].sort((a, b) => (a.displayName ?? a.groupId).localeCompare(b.displayName ?? b.groupId));
  const sets = [...(idc?.permissionSets ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <SelectFilter name="ouId" label="OU" value={params.ouId} options={ous.map((ou) => ({ value: ou.id, label: ou.path }))} />
      <SelectFilter
        name="groupId"
        label="Group"
        value={params.groupId}
        options={groups.map((g) => ({ value: g.groupId, label: g.displayName ?? g.groupId }))}
      />
      <SelectFilter
        name="permissionSetArn"
        label="Permission set"
        value={params.permissionSetArn}
        options={sets.map((s) => ({ value: s.arn, label: s.name }))}
      />
      <TextFilter name="search" label="Person" value={params.search} placeholder="user name, display name or email" />
    </>
  );
}

function PrincipalForm({ query, principal }: { query: Query; principal?: string }) {
  return (
    <form method="get" action={PATH} className="inv-toolbar" aria-label="Show access of">
      {keptParams(query, MATRIX_PARAMS).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        Access of
        <input
          type="search"
          name="principal"
          defaultValue={principal ?? ""}
          size={48}
          placeholder="email, user name, group or IAM role/user ARN"
        />
      </label>
      <button type="submit">Show</button>
      <Link href="/access/explain">Why can&apos;t someone reach a role?</Link>
    </form>
  );
}

function PrincipalSection({
  principal,
  context,
  params,
  query,
}: {
  principal: PrincipalAccess;
  context: AccessContext;
  params: AccessPageParams;
  query: Query;
}) {
  if (principal.state === "none") return null;
  if (principal.state === "error") {
    return (
      <div className="inv-notice inv-error" role="alert">
        {principal.message}
      </div>
    );
  }
  const { access } = principal;
  const who = access.subject.kind === "account" ? `account ${access.subject.accountName}` : access.subject.node.label;
  const chain = access.subject.kind === "account" ? null : chainSubgraph(context.graph, access.subject);
  return (
    <>
      <Section title={`Paths of ${who}${params.accountId ? ` into ${params.accountId}` : ""}`}>
        {params.accountId ? (
          <p>
            <Link href={hrefWith(PATH, query, { accountId: null, pathsPage: null })}>Show every account</Link>
          </p>
        ) : null}
        {access.truncated ? <p className="inv-notice">More paths exist than were listed; narrow to one account.</p> : null}
        <DataTable
          columns={ACCESS_PATH_COLUMNS}
          page={access}
          rowKey={(row) => `${row.accountId}|${row.via.map((hop) => hop.id).join(">")}`}
          path={PATH}
          query={query}
          canSort={false}
          pageParam="pathsPage"
          empty="No paths."
        />
      </Section>
      {chain ? (
        <Section title={`Chain of ${who}`}>
          {chain.truncated ? <p className="inv-muted">The chain is larger than can be drawn; only part of it is shown.</p> : null}
          {chain.nodes.length === 0 ? (
            <p className="inv-muted">Nothing to draw.</p>
          ) : (
            <ChainGraph {...toChainProps(chain)} label={`Chain of ${who}`} />
          )}
        </Section>
      ) : null}
      {access.notes.length > 0 ? (
        <Section title="What the graph could not decide">
          <ul>
            {access.notes.slice(0, 20).map((note, index) => (
              <li key={index}>
                <Mono>{note.code}</Mono> {note.message}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
