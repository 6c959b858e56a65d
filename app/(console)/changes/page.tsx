import Link from "next/link";
import { findAccessChanges, KIND_LABELS } from "@/lib/drift";
import { findAccountOptions, getSnapshotView } from "@/lib/inventory";
import { ENTITY_KINDS } from "@/lib/snapshot";
import { FilterForm, SelectFilter } from "../_components/filter-form";
import { plural } from "../_components/format";
import { PageHeader } from "../_components/page-header";
import { PageState } from "../_components/page-state";
import { Pagination } from "../_components/pagination";
import { hrefWith, type RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";
import "../drift/drift.css";
import { ChangeCard } from "./change-card";
import { changeListParams, toAccessChangesInput } from "./change-params";

const PATH = "/changes";

export default async function ChangesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(changeListParams, searchParams);
  if (page.state === "invalid") return <PageState title="Changes" path={PATH} problem={page} />;
  const { db, params, query } = page;
  const isChurnShown = params.churn === "shown";
  const [feed, view] = await Promise.all([findAccessChanges(db, toAccessChangesInput(params)), getSnapshotView(db)]);
  const accounts = view.state === "ready" ? await findAccountOptions(db, view.snapshot.id) : [];
  return (
    <>
      <PageHeader title="Changes">
        <span className="inv-muted">What changed between each snapshot and the one before it, newest first.</span>
      </PageHeader>
      <FilterForm path={PATH} query={query}>
        <SelectFilter
          name="kind"
          label="Kind"
          value={params.kind}
          options={ENTITY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
        />
        <SelectFilter
          name="accountId"
          label="Account"
          value={params.accountId}
          options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
        />
        <label>
          From
          <input type="date" name="from" defaultValue={params.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={params.to ?? ""} />
        </label>
        <label>
          <input type="checkbox" name="churn" value="shown" defaultChecked={isChurnShown} /> Show churn
        </label>
      </FilterForm>
      <p className="inv-muted">
        {isChurnShown ? (
          <>
            Churn shown: last-used times that moved and documents AWS re-formatted, which change nothing about access.{" "}
            <Link href={hrefWith(PATH, query, { churn: undefined, page: undefined })}>Hide churn</Link>
          </>
        ) : (
          <>
            Access changes and descriptive ones; last-used times and re-formatted documents are churn and hidden.{" "}
            <Link href={hrefWith(PATH, query, { churn: "shown", page: undefined })}>Show churn</Link>
          </>
        )}
      </p>
      {feed.isTruncated ? (
        <p className="inv-notice" role="status">
          More changes in this range than one page of the feed reads at once: only the newest are listed. Narrow the dates or filter by kind
          or account.
        </p>
      ) : null}
      {feed.items.length === 0 ? (
        <p className="inv-muted">
          {view.state === "ready"
            ? "No change in these snapshots matches the filters (the first snapshot is the baseline: changes start with the second)."
            : "No snapshot yet: changes are listed from the second snapshot on."}
        </p>
      ) : (
        <section aria-label={`changes (${plural(feed.total, "change")})`}>
          {feed.items.map((item) => (
            <ChangeCard key={`${item.snapshotId}|${item.kind}|${item.naturalKey}|${item.change}`} item={item} />
          ))}
        </section>
      )}
      <Pagination page={feed.page} pageSize={feed.pageSize} total={feed.total} path={PATH} query={query} />
    </>
  );
}
