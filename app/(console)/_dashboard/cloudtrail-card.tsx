import Link from "next/link";
import { formatDateTime } from "../_components/format";
import { DetailList } from "../_components/page-header";
import { AssumeRoleSparkline } from "./assume-role-sparkline";
import "./dashboard.css";
import { ACTIVITY_DAYS } from "./activity-range";
import type { CloudTrailSummary } from "./load-dashboard";

/** How fresh the stored trail is, and role assumptions over the last two weeks. */
export function CloudTrailCard({ cloudTrail }: { cloudTrail: CloudTrailSummary }) {
  const calls = cloudTrail.activity.reduce((sum, day) => sum + day.calls, 0);
  const failed = cloudTrail.activity.reduce((sum, day) => sum + day.failed, 0);
  return (
    <section className="dash-card" aria-labelledby="dash-cloudtrail">
      <header>
        <h2 id="dash-cloudtrail">CloudTrail</h2>
        <Link href="/events">All events</Link>
      </header>
      {cloudTrail.newestEventAt === null ? (
        <p className="inv-muted">
          No CloudTrail events stored yet. The worker (<code>vigil worker</code>) ingests them on a schedule; <code>npm run demo</code>{" "}
          loads simulated activity.
        </p>
      ) : (
        <DetailList
          items={[
            ["Newest stored event", formatDateTime(cloudTrail.newestEventAt)],
            ["Events stored", cloudTrail.storedEvents.toLocaleString("en-US")],
            [`AssumeRole, last ${ACTIVITY_DAYS} days`, `${calls.toLocaleString("en-US")} calls, ${failed.toLocaleString("en-US")} failed`],
          ]}
        />
      )}
      <AssumeRoleSparkline days={cloudTrail.activity} />
      <small className="inv-muted">
        {cloudTrail.activity[0]?.day} – {cloudTrail.activity.at(-1)?.day} (UTC days)
      </small>
    </section>
  );
}
