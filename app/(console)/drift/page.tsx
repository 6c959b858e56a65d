import { z } from "zod";
import { requireSession } from "@/app/_auth/require-session";
import { hasPermission } from "@/lib/auth";
import type { Db } from "@/lib/db";
import { diffDrift, DriftError, loadTrustBaselines, type DriftReport, type TrustBaseline } from "@/lib/drift";
import { getSnapshotView, type SnapshotRef } from "@/lib/inventory";
import { Badge } from "../_components/badges";
import { formatDateTime } from "../_components/format";
import { PageHeader, Section } from "../_components/page-header";
import { NoSnapshotYet, PageState } from "../_components/page-state";
import type { RawSearchParams } from "../_components/url";
import { parsePage } from "../_data/open-inventory-page";
import { DriftItemCard, type DriftItemContext } from "./drift-item";
import { DriftPickers } from "./drift-pickers";
import "./drift.css";

const PATH = "/drift";
const SNAPSHOT_ID = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a snapshot id` })
    .int(`${name} must be a snapshot id`)
    .positive(`${name} must be a snapshot id`)
    .optional();
const params = z.object({ from: SNAPSHOT_ID("from"), to: SNAPSHOT_ID("to") });
/** Items shown per kind and account; `vigil drift` lists them all. */
const ITEMS_SHOWN = 100;

async function loadDrift(db: Db, fromId?: number, toId?: number): Promise<{ report: DriftReport } | { problem: DriftError }> {
  try {
    return { report: await diffDrift(db, { fromId, toId }) };
  } catch (error) {
    if (error instanceof DriftError) return { problem: error };
    throw error;
  }
}

async function loadBaselines(db: Db, report: DriftReport): Promise<ReadonlyMap<string, TrustBaseline>> {
  const hasTrustChange = report.groups.some((g) => g.kinds.some((k) => k.items.some((i) => i.trustPolicyChanged)));
  return hasTrustChange ? loadTrustBaselines(db, report.to.id) : new Map();
}

export default async function DriftPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const page = await parsePage(params, searchParams);
  if (page.state === "invalid") return <PageState title="Drift" path={PATH} problem={page} />;
  const { db } = page;
  const [user, view] = await Promise.all([requireSession(), getSnapshotView(db)]);
  if (view.state !== "ready") {
    return (
      <>
        <PageHeader title="Drift" />
        <NoSnapshotYet />
      </>
    );
  }
  const loaded = await loadDrift(db, page.params.from, page.params.to);
  if ("problem" in loaded) {
    return (
      <>
        <PageHeader title="Drift" />
        <div className="inv-notice inv-error" role="alert">
          <strong>These snapshots cannot be compared.</strong>
          <p>{loaded.problem.message}</p>
        </div>
      </>
    );
  }
  const { report } = loaded;
  const context: DriftItemContext = {
    fromId: report.from.id,
    toId: report.to.id,
    baselines: await loadBaselines(db, report),
    canApprove: hasPermission(user, "trust-baseline:approve"),
  };
  const options = withChosen(view.options, [report.from, report.to]);
  return (
    <>
      <PageHeader title="Drift">
        <DriftPickers fromId={report.from.id} toId={report.to.id} options={options} />
      </PageHeader>
      <p className="inv-muted">
        From snapshot #{report.from.id} ({formatDateTime(report.from.asOf)}) to #{report.to.id} ({formatDateTime(report.to.asOf)}). Policy
        documents are compared by what IAM reads, so a re-formatted document is not a change; &quot;who changed it&quot; lists the
        CloudTrail write events about each entity between the two.
      </p>
      <div className="drift-summary" aria-label="summary">
        <Badge tone="ok">{report.totals.added} added</Badge>
        <Badge tone="danger">{report.totals.removed} removed</Badge>
        <Badge tone="warn">{report.totals.changed} changed</Badge>
      </div>
      {report.groups.length === 0 ? <p>No differences between these snapshots.</p> : null}
      {report.groups.map((group) => (
        <Section key={group.accountId ?? "organization"} title={accountTitle(group.accountId, group.accountName)}>
          {group.kinds.map((kind) => (
            <section key={kind.kind} aria-label={`${kind.label} changes`}>
              <h3>
                {kind.label} ({kind.items.length})
              </h3>
              {kind.items.slice(0, ITEMS_SHOWN).map((item) => (
                <DriftItemCard key={`${item.change}|${item.naturalKey}`} item={item} context={context} />
              ))}
              {kind.items.length > ITEMS_SHOWN ? (
                <p className="inv-muted">
                  Showing the first {ITEMS_SHOWN};{" "}
                  <code>
                    vigil drift --from {report.from.id} --to {report.to.id}
                  </code>{" "}
                  lists all {kind.items.length}.
                </p>
              ) : null}
            </section>
          ))}
        </Section>
      ))}
      {report.whoChangedTruncated ? <p className="inv-muted">Who changed it was looked up for the first 500 entities only.</p> : null}
    </>
  );
}

function accountTitle(accountId: string | null, accountName: string | null): string {
  if (accountId === null) return "Organization-wide (Identity Center, Organizations)";
  return accountName ? `${accountName} (${accountId})` : accountId;
}

/** The selector offers the newest snapshots; one chosen by address beyond them is added so it shows as selected. */
function withChosen(options: SnapshotRef[], chosen: SnapshotRef[]): SnapshotRef[] {
  const missing = chosen.filter((c) => !options.some((o) => o.id === c.id));
  return [...options, ...missing].sort((a, b) => b.id - a.id);
}
