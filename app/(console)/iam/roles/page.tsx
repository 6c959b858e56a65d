import Link from "next/link";
import { z } from "zod";
import {
  findAccountOptions,
  findIamRoleGroups,
  findIamRoles,
  findRoleTrustPolicies,
  getTrustDirectory,
  roleListParams,
  ROLE_SORTS,
  type IamRoleRow,
} from "@/lib/inventory";
import type { Db } from "@/lib/db";
import { describeTrustPolicy } from "@/lib/policy";
import { DataTable, type Column } from "../../_components/data-table";
import { ExportButtons } from "../../_components/export-buttons";
import { SelectFilter, TextFilter } from "../../_components/filter-form";
import { PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import { roleColumns, roleRowKey } from "../../_components/role-columns";
import { SnapshotSelector } from "../../_components/snapshot-selector";
import { hrefWith, type Query, type RawSearchParams } from "../../_components/url";
import { openInventoryPage } from "../../_data/open-inventory-page";
import { roleGroupColumns } from "./role-group-columns";

const PATH = "/iam/roles";
const TYPES = [
  { value: "sso", label: "Identity Center (SSO)" },
  { value: "service-linked", label: "Service-linked" },
  { value: "custom", label: "Other" },
];

/** The list's params, plus the grouped view (whose extra sort is the account count). */
const pageParams = roleListParams.extend({
  view: z.enum(["grouped"]).optional(),
  sort: z.enum([...ROLE_SORTS, "accounts"], { error: `sort must be one of: ${[...ROLE_SORTS, "accounts"].join(", ")}` }).default("name"),
});
type PageParams = z.infer<typeof pageParams>;

async function trustedByColumn(db: Db, snapshotId: number, roles: readonly IamRoleRow[]): Promise<Column<IamRoleRow>> {
  const [policies, directory] = await Promise.all([
    findRoleTrustPolicies(
      db,
      snapshotId,
      roles.map((r) => r.arn),
    ),
    getTrustDirectory(db, snapshotId),
  ]);
  return {
    key: "trustedBy",
    header: "Trusted by",
    render: (role) => describeTrustPolicy(policies.get(role.arn) ?? null, directory).trustedBy,
  };
}

function ViewToggle({ query, grouped }: { query: Query; grouped: boolean }) {
  const reset = { page: null, sort: null, dir: null };
  return (
    <nav aria-label="view" className="inv-toolbar">
      {grouped ? <Link href={hrefWith(PATH, query, { ...reset, view: null })}>Each role</Link> : <strong>Each role</strong>}
      {" · "}
      {grouped ? (
        <strong>Grouped by name</strong>
      ) : (
        <Link href={hrefWith(PATH, query, { ...reset, view: "grouped" })}>Grouped by name</Link>
      )}
    </nav>
  );
}

function Filters({ params, accounts }: { params: PageParams; accounts: Array<{ id: string; name: string }> }) {
  return (
    <>
      <TextFilter name="search" label="Search" value={params.search} placeholder="role name or ARN" />
      <SelectFilter
        name="accountId"
        label="Account"
        value={params.accountId}
        options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
      />
      <SelectFilter name="type" label="Type" value={params.type} options={TYPES} />
      {params.roleName ? <input type="hidden" name="roleName" value={params.roleName} /> : null}
      {params.view ? <input type="hidden" name="view" value={params.view} /> : null}
      {params.permissionSetArn ? <input type="hidden" name="permissionSetArn" value={params.permissionSetArn} /> : null}
    </>
  );
}

export default async function IamRolesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(pageParams, searchParams);
  if (page.state !== "ready") return <PageState title="IAM roles" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const { view, sort, ...filters } = params;
  const header = (
    <PageHeader title="IAM roles">
      <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
    </PageHeader>
  );
  const nameFilter = params.roleName ? (
    <p>
      Role name <strong>{params.roleName}</strong> in every account.{" "}
      <Link href={hrefWith(PATH, query, { roleName: null, page: null })}>Any name</Link>
    </p>
  ) : null;
  if (view === "grouped") {
    const [groups, accounts, directory] = await Promise.all([
      findIamRoleGroups(db, { ...filters, snapshotId: snapshot.id, sort: sort === "accounts" ? "accounts" : "name" }),
      findAccountOptions(db, snapshot.id),
      getTrustDirectory(db, snapshot.id),
    ]);
    return (
      <>
        {header}
        <ViewToggle query={query} grouped />
        {nameFilter}
        <DataTable
          columns={roleGroupColumns(query, directory)}
          page={groups}
          rowKey={(group) => group.roleName.toLowerCase()}
          path={PATH}
          query={query}
          caption="One row per role name; open the account count for the accounts, or the name for the full list."
          empty="No role matches these filters."
          filters={<Filters params={params} accounts={accounts} />}
        />
        <ExportButtons href={`${PATH}/export`} query={query} />
      </>
    );
  }
  const [roles, accounts] = await Promise.all([
    findIamRoles(db, { ...filters, snapshotId: snapshot.id, sort: sort === "accounts" ? "name" : sort }),
    findAccountOptions(db, snapshot.id),
  ]);
  const trustedBy = await trustedByColumn(db, snapshot.id, roles.rows);
  return (
    <>
      {header}
      <ViewToggle query={query} grouped={false} />
      {nameFilter}
      <DataTable
        columns={[...roleColumns(query), trustedBy]}
        page={roles}
        rowKey={roleRowKey}
        path={PATH}
        query={query}
        empty="No role matches these filters."
        filters={<Filters params={params} accounts={accounts} />}
      />
      <ExportButtons href={`${PATH}/export`} query={query} />
    </>
  );
}
