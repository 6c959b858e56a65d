import Link from "next/link";
import { accountListParams, findAccounts, findOuPaths } from "@/lib/inventory";
import { AccountStatusBadge, TagList } from "../_components/badges";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { Mono, NoRows, PageHeader, TableWrap } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { Pagination } from "../_components/pagination";
import { SnapshotSelector } from "../_components/snapshot-selector";
import { sortableHeaders } from "../_components/sortable-header";
import { linkAsOf, type RawSearchParams } from "../_components/url";
import { openInventoryPage } from "../_data/open-inventory-page";

const PATH = "/accounts";
const STATUSES = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"].map((s) => ({ value: s, label: s }));

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await openInventoryPage(accountListParams, searchParams);
  if (page.state !== "ready") return <PageState title="Accounts" path={PATH} problem={page} />;
  const { db, params, query, snapshot } = page;
  const [accounts, ouPaths] = await Promise.all([
    findAccounts(db, { ...params, snapshotId: snapshot.id }),
    findOuPaths(db, snapshot.id),
  ]);
  const header = sortableHeaders(PATH, query, params);
  return (
    <>
      <PageHeader title="Accounts">
        <SnapshotSelector path={PATH} query={query} snapshot={snapshot} options={page.snapshots} />
      </PageHeader>
      <FilterForm path={PATH} query={query}>
        <TextFilter name="search" label="Search" value={params.search} placeholder="id, name or email" />
        <SelectFilter name="ouPath" label="OU" value={params.ouPath} options={ouPaths.map((p) => ({ value: p, label: p }))} />
        <SelectFilter name="status" label="Status" value={params.status} options={STATUSES} />
      </FilterForm>
      <TableWrap>
        <table>
          <thead>
            <tr>
              {header("Account id", "id")}
              {header("Name", "name")}
              {header("Email", "email")}
              {header("OU path", "ouPath")}
              {header("Status", "status")}
              <th>Tags</th>
              <th>Roles</th>
              <th>Users</th>
            </tr>
          </thead>
          <tbody>
            {accounts.rows.map((account) => (
              <tr key={account.id}>
                <td>
                  <Link href={linkAsOf(`${PATH}/${account.id}`, query)}>
                    <Mono>{account.id}</Mono>
                  </Link>
                </td>
                <td>{account.name}</td>
                <td>{account.email}</td>
                <td>{account.ouPath}</td>
                <td>
                  <AccountStatusBadge status={account.status} />
                </td>
                <td>
                  <TagList tags={account.tags} />
                </td>
                <td>{account.roleCount}</td>
                <td>{account.userCount}</td>
              </tr>
            ))}
            {accounts.rows.length === 0 ? <NoRows colSpan={8} /> : null}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={accounts.page} pageSize={accounts.pageSize} total={accounts.total} path={PATH} query={query} />
    </>
  );
}
