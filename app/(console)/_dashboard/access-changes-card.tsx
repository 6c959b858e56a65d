import Link from "next/link";
import type { Db } from "@/lib/db";
import { findAccessChanges, KIND_LABELS, type AccessChangePage } from "@/lib/drift";
import { Badge, type Tone } from "../_components/badges";
import { plural } from "../_components/format";
import { LocalTime } from "../_components/local-time";
import { changeHref } from "../changes/change-card";
import "./dashboard.css";

/** The card looks this far back: older changes are the feed's, not the dashboard's news. */
const CARD_DAYS = 30;
const CARD_ITEMS = 5;

/** The newest access changes (no churn, no descriptive edits) of the last CARD_DAYS days. */
export function loadLatestAccessChanges(db: Db, now: Date): Promise<AccessChangePage> {
  return findAccessChanges(db, { from: new Date(now.getTime() - CARD_DAYS * 86_400_000), categories: ["access"], pageSize: CARD_ITEMS });
}

const CHANGE_TONE: Record<string, Tone> = { added: "ok", removed: "danger", changed: "warn" };

/** The latest access changes, each linked to its entity, the whole list on /changes. */
export function AccessChangesCard({ changes }: { changes: AccessChangePage }) {
  return (
    <section className="dash-card" aria-labelledby="dash-access-changes" data-testid="dashboard-access-changes">
      <header>
        <h2 id="dash-access-changes">Latest access changes</h2>
        <Link href="/changes">All changes</Link>
      </header>
      {changes.items.length === 0 ? (
        <p className="inv-muted">No access change in the last {CARD_DAYS} days of snapshots.</p>
      ) : (
        <ul>
          {changes.items.map((item) => {
            const href = changeHref(item);
            return (
              <li key={`${item.snapshotId}|${item.kind}|${item.naturalKey}`}>
                <Badge tone={CHANGE_TONE[item.change] ?? "neutral"}>{item.change}</Badge>{" "}
                <span className="inv-muted">{KIND_LABELS[item.kind]}</span> {href ? <Link href={href}>{item.label}</Link> : item.label}{" "}
                <small className="inv-muted">
                  <LocalTime iso={item.asOf} />
                </small>
              </li>
            );
          })}
        </ul>
      )}
      {changes.total > changes.items.length ? (
        <p>
          <Link href="/changes">{plural(changes.total - changes.items.length, "more access change")}</Link>
        </p>
      ) : null}
    </section>
  );
}
