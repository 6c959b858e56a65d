import Link from "next/link";
import { formatDateTime } from "../_components/format";
import { DetailList } from "../_components/page-header";
import { AssumeRoleChart } from "./assume-role-chart";
import "./dashboard.css";
import { ACTIVITY_DAYS } from "./activity-range";
import type { CloudTrailSummary } from "./load-dashboard";

/** How fresh the stored trail is, and role assumptions per day over the last two weeks. */
export function CloudTrailCard({ cloudTrail }: { cloudTrail: CloudTrailSummary }) {
  const calls = cloudTrail.activity.reduce((sum, day) => sum + day.calls, 0);
  const failed = cloudTrail.activity.reduce((sum, day) => sum + day.failed, 0);
  const first = cloudTrail.activity[0]?.day;
  const last = cloudTrail.activity.at(-1)?.day;
  const range = first && last ? `&from=${first}&to=${last}` : "";
  return (
    <section className="dash-card" aria-labelledby="dash-cloudtrail" data-testid="dashboard-cloudtrail">
      <header>
        <h2 id="dash-cloudtrail">AssumeRole activity</h2>
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
            [
              "Events stored",
              <Link key="stored" href="/events">
                {cloudTrail.storedEvents.toLocaleString("en-US")}
              </Link>,
            ],
            [
              `AssumeRole, last ${ACTIVITY_DAYS} days`,
              <span key="calls">
                <Link href={`/events?eventName=AssumeRole${range}`} data-testid="dashboard-assume-role-calls">
                  {calls.toLocaleString("en-US")} calls
                </Link>
                , <Link href={`/events?eventName=AssumeRole&success=no${range}`}>{failed.toLocaleString("en-US")} failed</Link>
              </span>,
            ],
          ]}
        />
      )}
      <AssumeRoleChart days={cloudTrail.activity} />
      <small className="inv-muted">
        {first} – {last} (UTC days)
      </small>
    </section>
  );
}
