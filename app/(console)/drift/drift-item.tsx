import Link from "next/link";
import { diffJson, type DriftItem, type TrustBaseline } from "@/lib/drift";
import { Badge, type Tone } from "../_components/badges";
import { formatDateTime } from "../_components/format";
import { JsonViewer } from "../_components/json-viewer";
import { Mono } from "../_components/page-header";
import { ApproveBaselineForm } from "./approve-baseline-form";
import { inventoryHref } from "./inventory-href";
import { JsonDiff } from "./json-diff";
import { WhoChanged } from "./who-changed";
import "./drift.css";

const CHANGE_TONE: Record<DriftItem["change"], Tone> = { added: "ok", removed: "danger", changed: "warn" };

export interface DriftItemContext {
  fromId: number;
  toId: number;
  baselines: ReadonlyMap<string, TrustBaseline>;
  canApprove: boolean;
}

/** One added, removed or changed entity: its link, field-level diff, trust baseline and who changed it. */
export function DriftItemCard({ item, context }: { item: DriftItem; context: DriftItemContext }) {
  // A removed entity only exists in the older snapshot.
  const href = item.target ? inventoryHref(item.target, item.change === "removed" ? context.fromId : context.toId) : null;
  return (
    <article className="drift-item" aria-label={`${item.change} ${item.label}`}>
      <div className="drift-item-head">
        <Badge tone={CHANGE_TONE[item.change]}>{item.change}</Badge>
        <strong>{href ? <Link href={href}>{item.label}</Link> : item.label}</strong>
        <Mono>{item.naturalKey}</Mono>
        {item.cosmeticOnly ? <Badge title="the stored text differs but IAM reads both versions the same way">cosmetic only</Badge> : null}
      </div>
      {item.change === "changed" && item.changes.length > 0 ? <JsonDiff changes={item.changes} label={`changes to ${item.label}`} /> : null}
      {item.data ? (
        <details>
          <summary>{item.change === "added" ? "As added" : "As it was"}</summary>
          <JsonViewer value={item.data} label={`${item.label} data`} />
        </details>
      ) : null}
      {item.trustPolicyChanged ? <TrustBaselineStatus item={item} context={context} /> : null}
      <WhoChanged events={item.whoChanged} />
    </article>
  );
}

function TrustBaselineStatus({ item, context }: { item: DriftItem; context: DriftItemContext }) {
  const baseline = context.baselines.get(item.naturalKey);
  if (!baseline) return null;
  const source = baseline.approvedBy
    ? `approved by ${baseline.approvedBy} on ${formatDateTime(baseline.approvedAt)} (version of snapshot #${baseline.sinceSnapshotId})`
    : `the first version Vigil saw (snapshot #${baseline.sinceSnapshotId})`;
  const differs = baseline.changedInSnapshotId !== null;
  return (
    <div aria-label={`trust baseline of ${item.label}`}>
      <div className="drift-baseline">
        <span>Trust-policy baseline: {source}.</span>
        {differs ? (
          <Badge tone="danger">differs from baseline since #{baseline.changedInSnapshotId}</Badge>
        ) : (
          <Badge tone="ok">matches baseline</Badge>
        )}
        {differs && context.canApprove ? (
          <ApproveBaselineForm roleArn={item.naturalKey} snapshotId={context.toId} roleName={item.label} />
        ) : null}
      </div>
      {differs ? (
        <JsonDiff changes={diffJson(baseline.document, baseline.current)} label={`${item.label} trust policy against its baseline`} />
      ) : null}
    </div>
  );
}
