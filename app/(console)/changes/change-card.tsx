import Link from "next/link";
import { KIND_LABELS, type AccessChange } from "@/lib/drift";
import { Badge, type Tone } from "../_components/badges";
import { LocalTime } from "../_components/local-time";
import { accountHref } from "../_components/inventory-links";
import { ArnText } from "../events/arn-text";
import { inventoryHref } from "../drift/inventory-href";
import { JsonDiff } from "../drift/json-diff";
import { WhoChanged } from "../drift/who-changed";

const CHANGE_TONE: Record<AccessChange["change"], Tone> = { added: "ok", removed: "danger", changed: "warn", "last-used": "neutral" };
const CATEGORY: Record<AccessChange["category"], { tone: Tone; text: string; title: string }> = {
  access: { tone: "danger", text: "access", title: "who can reach what changed" },
  other: { tone: "neutral", text: "description", title: "descriptive fields only (description, tags, names)" },
  churn: { tone: "neutral", text: "churn", title: "nothing a person changed: a last-used time moved or AWS re-formatted a document" },
};

/** The entity's page: as of the newer snapshot, or the older one for what was removed. */
export function changeHref(item: AccessChange): string | null {
  if (!item.target) return null;
  return inventoryHref(item.target, item.change === "removed" ? item.previousSnapshotId : item.snapshotId);
}

/** One change of the feed: when, what (by name), its before/after diff, and who made it. */
export function ChangeCard({ item }: { item: AccessChange }) {
  const href = changeHref(item);
  const category = CATEGORY[item.category];
  return (
    <article className="drift-item" aria-label={`${item.change} ${item.label}`}>
      <div className="drift-item-head">
        <LocalTime iso={item.asOf} />
        <Badge tone={category.tone} title={category.title}>
          {category.text}
        </Badge>
        <Badge tone={CHANGE_TONE[item.change]}>{item.change}</Badge>
        <span className="inv-muted">{KIND_LABELS[item.kind]}</span>
        <strong>{href ? <Link href={href}>{item.label}</Link> : item.label}</strong>
        {item.accountId ? (
          <Link href={accountHref(item.accountId)}>
            {item.accountName ?? item.accountId} <small className="inv-muted">{item.accountName ? item.accountId : null}</small>
          </Link>
        ) : null}
      </div>
      <details>
        <summary>
          Snapshot #{item.previousSnapshotId} → #{item.snapshotId} · key <ArnText value={item.naturalKey} />
        </summary>
        <p>
          <Link href={`/drift?from=${item.previousSnapshotId}&to=${item.snapshotId}`}>Whole drift between these snapshots</Link>
        </p>
      </details>
      {item.changes.length > 0 ? <JsonDiff changes={item.changes} label={`changes to ${item.label}`} /> : null}
      {item.change === "last-used" ? null : <WhoChanged events={item.whoChanged} />}
    </article>
  );
}
