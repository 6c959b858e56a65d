import Link from "next/link";
import { NoRows, TableWrap } from "../_components/page-header";
import "./dashboard.css";
import type { RiskiestPrincipals } from "./load-riskiest-principals";

/** The people whose reach (account × role paths) times the open findings on those paths is largest. */
export function RiskiestPrincipalsCard({ riskiest }: { riskiest: RiskiestPrincipals }) {
  const { snapshotId, people } = riskiest;
  return (
    <section className="dash-card dash-wide" aria-labelledby="dash-riskiest" data-testid="dashboard-riskiest">
      <header>
        <h2 id="dash-riskiest">Riskiest principals</h2>
        <Link href={`/access?snapshot=${snapshotId}`}>Access matrix</Link>
      </header>
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>Person</th>
              <th>Accounts</th>
              <th>Paths</th>
              <th>Open findings on their paths</th>
              <th>Score</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => {
              const href = `/access?snapshot=${snapshotId}&principal=${encodeURIComponent(person.principal)}`;
              return (
                <tr key={person.userId} data-testid={`riskiest-${person.userName}`}>
                  <td>
                    <Link href={href}>{person.displayName ?? person.userName}</Link>
                    <br />
                    <small className="inv-muted">{person.principal}</small>
                  </td>
                  <td>
                    <Link href={href}>{person.accounts}</Link>
                  </td>
                  <td>
                    <Link href={href}>{person.paths}</Link>
                  </td>
                  <td>{person.openFindings}</td>
                  <td>{person.score}</td>
                </tr>
              );
            })}
            {people.length === 0 ? <NoRows colSpan={5}>No person reaches any account in this snapshot.</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
      <small className="inv-muted">Score = paths × open findings on a role or permission set of those paths; snapshot #{snapshotId}.</small>
    </section>
  );
}
