import Link from "next/link";
import { Badge } from "../_components/badges";
import { DetailList } from "../_components/page-header";
import "./dashboard.css";
import type { ReviewProgressSummary } from "./load-review-progress";

/** The latest access review: how much of it is decided, linking to the campaign. */
export function ReviewProgressCard({ progress }: { progress: ReviewProgressSummary | null }) {
  return (
    <section className="dash-card" aria-labelledby="dash-review" data-testid="dashboard-review">
      <header>
        <h2 id="dash-review">Access review</h2>
        {progress ? (
          <Badge tone={progress.status === "signed-off" ? "ok" : progress.decided < progress.total ? "warn" : "ok"}>
            {progress.status}
          </Badge>
        ) : null}
      </header>
      {progress === null ? (
        <p className="inv-muted">
          No review campaign yet: the worker starts one every week, or run <code>vigil review start</code>.
        </p>
      ) : (
        <>
          <p>
            <Link href={`/reviews/${progress.campaignId}`} data-testid="dashboard-review-progress">
              <strong>
                {progress.decided} of {progress.total}
              </strong>{" "}
              rows decided
            </Link>{" "}
            in {progress.name}
          </p>
          <progress max={Math.max(progress.total, 1)} value={progress.decided} style={{ width: "100%" }} aria-label="rows decided" />
          <DetailList
            items={[
              ["Pre-filled, to confirm", String(progress.prefilled)],
              ["Revoke decisions", String(progress.revoke)],
              ["Reviewers", String(progress.reviewers)],
              ["Snapshot", <Link key="snapshot" href={`/snapshots/${progress.snapshotId}`}>{`#${progress.snapshotId}`}</Link>],
            ]}
          />
        </>
      )}
    </section>
  );
}
