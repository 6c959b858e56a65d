import Link from "next/link";
import type { InventoryPageProblem } from "../_data/open-inventory-page";
import "./inventory.css";
import { PageHeader } from "./page-header";

/** What an inventory page shows instead of its table: bad params, no snapshot yet, or an unreadable one. */
export function PageState({ title, path, problem }: { title: string; path: string; problem: InventoryPageProblem }) {
  return (
    <>
      <PageHeader title={title} />
      {problem.state === "no-snapshot" ? (
        <NoSnapshotYet />
      ) : (
        <div className="inv-notice inv-error" role="alert">
          <strong>{problem.state === "invalid" ? "This address has a bad parameter." : "This snapshot cannot be shown."}</strong>
          <ul>
            {problem.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <Link href={path}>Show the latest snapshot with default filters</Link>
        </div>
      )}
    </>
  );
}

export function NoSnapshotYet() {
  return (
    <div className="inv-notice">
      <strong>No inventory yet.</strong>
      <p>
        Vigil has not finished a snapshot of your organization. Take one from the server with <code>vigil snapshot</code> (or wait for the
        scheduled run), then reload this page. To explore with simulated data, run <code>npm run demo</code>.
      </p>
    </div>
  );
}
