import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { searchInventory, searchQuerySchema, type SearchHit } from "@/lib/search";
import { EmptyState } from "../_components/empty-state";
import { LocalTime } from "../_components/local-time";
import { Mono, PageHeader } from "../_components/page-header";
import { NoSnapshotYet } from "../_components/page-state";
import { plural } from "../_components/format";
import type { RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";
import { KIND_LABELS, searchHitHref } from "./search-href";

const params = z.object({ q: searchQuerySchema.optional(), all: z.literal("1").optional() });

function Hit({ hit }: { hit: SearchHit }) {
  const account = hit.accountId && hit.kind !== "account" ? `${hit.accountName ?? "account"} (${hit.accountId})` : null;
  return (
    <li>
      <Link href={searchHitHref(hit)}>{hit.label}</Link> <span className="badge">{KIND_LABELS[hit.kind]}</span>
      {hit.isExact ? <span className="badge ok">exact match</span> : null}
      <div className="inv-muted">
        {account ? <span>in {account} · </span> : null}
        {hit.detail ? <Mono>{hit.detail}</Mono> : null}
      </div>
    </li>
  );
}

/**
 * Global search results. The top bar's box lands here; when the query names exactly one thing
 * (the only match, or the only exact one) the page redirects to it, so Enter jumps there. `all=1`
 * shows the list anyway.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(params, searchParams);
  if (page.state === "invalid") {
    return (
      <>
        <PageHeader title="Search" />
        <div className="inv-notice inv-error" role="alert">
          <strong>This search cannot be run.</strong> {page.messages.join("; ")}
        </div>
      </>
    );
  }
  const { q, all } = page.params;
  if (!q) {
    return (
      <>
        <PageHeader title="Search" />
        <EmptyState reason="Type an account id or name, an email, a user or group name, a permission set, a role name or an ARN in the box above." />
      </>
    );
  }
  const result = await searchInventory(page.db, { query: q });
  if (!result.snapshot) {
    return (
      <>
        <PageHeader title={`Search: ${q}`} />
        <NoSnapshotYet />
      </>
    );
  }
  if (result.jumpTo && !all) redirect(searchHitHref(result.jumpTo));
  return (
    <>
      <PageHeader title={`Search: ${q}`}>
        <span className="inv-muted">
          Snapshot #{result.snapshot.id}, as of <LocalTime iso={result.snapshot.asOf} />
        </span>
      </PageHeader>
      {result.hits.length === 0 ? (
        <EmptyState
          reason={`Nothing in snapshot #${result.snapshot.id} has an id, name, email or ARN containing “${q}”.`}
          action="Events (CloudTrail) are not searched here: use the Events page's actor filter for those."
        />
      ) : (
        <>
          <p>
            {plural(result.hits.length, "match", "matches")}
            {result.isTruncated ? " (the first of each kind; add more of the name to narrow it down)" : ""}.
          </p>
          <ul className="vg-search-results" aria-label="Search results">
            {result.hits.map((hit) => (
              <Hit key={`${hit.kind}:${hit.key}`} hit={hit} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
