import Link from "next/link";
import type { ReviewCampaignView, ReviewChangeName } from "@/lib/review";
import { Badge } from "../_components/badges";
import type { Column } from "../_components/data-table";
import { formatDateTime } from "../_components/format";
import { ProgressBar } from "./progress-bar";

const CHANGES: readonly ReviewChangeName[] = ["new", "changed", "unchanged", "removed"];

/** Rows that still need someone: never decided, or carried over from last week and not confirmed. */
export function pendingCount(campaign: Pick<ReviewCampaignView, "counts">): number {
  return campaign.counts.byDecision.undecided + campaign.counts.byDecision.prefilled;
}

/** Rows that need a decision: REMOVED rows are shown for the record only. */
export function reviewableCount(campaign: Pick<ReviewCampaignView, "counts">): number {
  return campaign.counts.total - campaign.counts.byChange.removed;
}

export function CampaignStatusBadge({ status }: { status: ReviewCampaignView["status"] }) {
  return <Badge tone={status === "signed-off" ? "ok" : "warn"}>{status}</Badge>;
}

export function campaignColumns(): Array<Column<ReviewCampaignView>> {
  return [
    {
      key: "name",
      header: "Campaign",
      render: (c) => (
        <>
          <Link href={`/reviews/${c.id}`}>{c.name}</Link>
          <br />
          <span className="inv-muted">
            started {formatDateTime(c.createdAt)} by {c.createdBy}
          </span>
        </>
      ),
    },
    {
      key: "snapshot",
      header: "Snapshot",
      render: (c) => (
        <>
          <Link href={`/snapshots/${c.snapshotId}`}>#{c.snapshotId}</Link>
          <br />
          <span className="inv-muted">as of {formatDateTime(c.snapshotAsOf)}</span>
        </>
      ),
    },
    { key: "status", header: "Status", render: (c) => <CampaignStatusBadge status={c.status} /> },
    {
      key: "progress",
      header: "Decided",
      render: (c) => {
        const reviewable = reviewableCount(c);
        return <ProgressBar decided={Math.max(0, reviewable - pendingCount(c))} total={reviewable} label={`${c.name} decided`} />;
      },
    },
    {
      key: "changes",
      header: "Changes",
      render: (c) => CHANGES.map((change) => `${c.counts.byChange[change]} ${change}`).join(", "),
    },
    {
      key: "signedOff",
      header: "Signed off",
      render: (c) => (c.signedOffAt ? `${c.signedOffByName ?? "—"}, ${formatDateTime(c.signedOffAt)}` : "—"),
    },
  ];
}
