import type { CheckoutActivity } from "@/lib/breakglass";
import { formatDateTime } from "../../../_components/format";
import { Mono, TableWrap } from "../../../_components/page-header";

/** What the break-glass user did in AWS while the checkout was open, for the reviewer. */
export function ActivityTimeline({ activity, iamUserName }: { activity: CheckoutActivity; iamUserName: string }) {
  if (!activity.window) return <p className="inv-muted">The secret was never revealed, so there is no window to show.</p>;
  return (
    <>
      <p className="inv-muted">
        Events of <Mono>{iamUserName}</Mono> from {formatDateTime(activity.window.from)} to {formatDateTime(activity.window.to)}, as
        ingested from CloudTrail (which delivers minutes late: run an ingestion before signing off).
        {activity.isTruncated ? " Only the first events are listed." : ""}
      </p>
      <TableWrap>
        <table data-testid="checkout-activity">
          <thead>
            <tr>
              <th>Time</th>
              <th>Event</th>
              <th>Source</th>
              <th>Region</th>
              <th>Source IP</th>
              <th>MFA</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {activity.events.length === 0 ? (
              <tr>
                <td colSpan={7} className="inv-muted">
                  No CloudTrail event of this user in the window (yet).
                </td>
              </tr>
            ) : null}
            {activity.events.map((event) => (
              <tr key={event.eventId}>
                <td>{formatDateTime(event.eventTime)}</td>
                <td>{event.eventName}</td>
                <td>{event.eventSource}</td>
                <td>{event.awsRegion ?? "—"}</td>
                <td>{event.sourceIp ?? "—"}</td>
                <td>{event.mfaUsed === null ? "—" : event.mfaUsed ? "yes" : "no"}</td>
                <td>{event.success ? "ok" : <span className="badge danger">{event.errorCode ?? "failed"}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
