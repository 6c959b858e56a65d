import Link from "next/link";
import { Badge } from "../_components/badges";
import { formatDateTime } from "../_components/format";
import { OUT_OF_WINDOW_RULE, type BreakglassState } from "./load-breakglass-state";
import "./dashboard.css";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * Break-glass at a glance. A credential not rotated since someone saw it is CRITICAL and is never
 * summed into an "all clear"; drill and notification failures are shown beside it.
 */
export function BreakglassCard({ state }: { state: BreakglassState }) {
  const { rotationProblems, drillFailures, notificationFailures, openCheckouts, pendingRequests, outOfWindowAlerts } = state;
  const isCalm =
    rotationProblems.length === 0 && drillFailures.length === 0 && notificationFailures.length === 0 && outOfWindowAlerts === 0;
  return (
    <section className="dash-card" aria-labelledby="dash-breakglass" data-testid="dashboard-breakglass">
      <header>
        <h2 id="dash-breakglass">Break-glass</h2>
        {rotationProblems.length > 0 ? (
          <Badge tone="danger">CRITICAL</Badge>
        ) : isCalm ? (
          <Badge tone="ok">nothing due</Badge>
        ) : (
          <Badge tone="warn">attention</Badge>
        )}
      </header>
      <ul className="dash-links">
        {rotationProblems.length > 0 ? (
          <li data-testid="dashboard-rotation-problems">
            <Badge tone="danger">CRITICAL</Badge> {plural(rotationProblems.length, "credential")} not rotated since use:{" "}
            {rotationProblems.slice(0, 5).map((problem, index) => (
              <span key={problem.checkoutId}>
                {index > 0 ? ", " : ""}
                <Link href={`/breakglass/checkouts/${problem.checkoutId}`}>{problem.status}</Link>
                {problem.error ? ` (${problem.error.slice(0, 80)})` : ""}
              </span>
            ))}
          </li>
        ) : null}
        <li data-testid="dashboard-out-of-window">
          {outOfWindowAlerts > 0 ? <Badge tone="danger">alert</Badge> : null}{" "}
          <Link href={`/findings?rule=${OUT_OF_WINDOW_RULE}`}>{plural(outOfWindowAlerts, "use")} outside a checkout window</Link>
        </li>
        {drillFailures.length > 0 ? (
          <li>
            <Badge tone="danger">drill</Badge> {plural(drillFailures.length, "credential")} failed the last drill:{" "}
            {drillFailures
              .slice(0, 3)
              .map((failure) => failure.problems.map((problem) => problem.message).join("; "))
              .join(" · ")}
          </li>
        ) : null}
        {notificationFailures.length > 0 ? (
          <li>
            <Badge tone="warn">notify</Badge> {plural(notificationFailures.length, "notification")} not delivered (latest:{" "}
            {notificationFailures[0]!.channel.toLowerCase()} — {notificationFailures[0]!.lastError ?? notificationFailures[0]!.state},{" "}
            {formatDateTime(notificationFailures[0]!.lastAttemptAt)})
          </li>
        ) : null}
        <li>
          <Link href="/breakglass">
            {openCheckouts.length === 0 ? "no checkout open" : `${plural(openCheckouts.length, "checkout")} open`}
            {pendingRequests > 0 ? `, ${plural(pendingRequests, "request")} waiting for approval` : ""}
          </Link>
          {openCheckouts.map((checkout) => (
            <span key={checkout.id}>
              {" "}
              · {checkout.requesterName} ({checkout.status}
              {checkout.isEmergency && checkout.status !== "emergency" ? ", emergency" : ""})
            </span>
          ))}
        </li>
        <li>
          Last rotation:{" "}
          <Link href="/breakglass">
            {state.lastRotationAt ? formatDateTime(state.lastRotationAt) : state.credentials === 0 ? "no credential registered" : "never"}
          </Link>
        </li>
      </ul>
    </section>
  );
}
