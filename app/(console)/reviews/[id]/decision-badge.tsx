import type { ReviewItemView } from "@/lib/review";
import { Badge, type Tone } from "../../_components/badges";
import { formatDateTime } from "../../_components/format";

const DECISION_TONE: Record<NonNullable<ReviewItemView["decision"]>, Tone> = { keep: "ok", revoke: "danger", "needs-info": "warn" };

/** The row's decision, who made it and when; a carried-over one says so until the reviewer confirms it. */
export function DecisionCell({ item }: { item: ReviewItemView }) {
  if (item.decision === null) return <span className="inv-muted">{item.change === "removed" ? "no decision needed" : "undecided"}</span>;
  return (
    <>
      <Badge tone={DECISION_TONE[item.decision]}>{item.decision}</Badge>
      {item.decisionPrefilled ? (
        <>
          {" "}
          <Badge title="an unchanged row keeps last week's decision until its reviewer confirms or changes it">
            carried over from last week
          </Badge>
        </>
      ) : null}
      {item.decisionComment ? <div>“{item.decisionComment}”</div> : null}
      {item.decidedByName ? (
        <div className="inv-muted">
          {item.decidedByName}, {formatDateTime(item.decidedAt)}
        </div>
      ) : null}
    </>
  );
}
