import Link from "next/link";
import type { DriftAccessPath, DriftFindingChange, DriftReportChange } from "@/lib/drift";
import { formatDateTime } from "../../_components/format";
import { Mono, NoRows, Section, TableWrap } from "../../_components/page-header";
import { SeverityBadge } from "../../_components/severity-badge";
import { inventoryHref } from "../inventory-href";
import { WhoChanged } from "../who-changed";

/** Rows shown per section; the CSV export lists them all. */
export const ROWS_SHOWN = 200;

const accessHref = (path: DriftAccessPath, snapshotId: number) =>
  `/access?snapshot=${snapshotId}&principal=${encodeURIComponent(path.email ?? path.userName)}&accountId=${path.accountId}`;

function More({ total }: { total: number }) {
  return total > ROWS_SHOWN ? (
    <p className="inv-muted">
      Showing the first {ROWS_SHOWN} of {total}; the CSV export lists them all.
    </p>
  ) : null;
}

/** Access paths added or removed: person, account, permission set, role, each linking to the page that shows it. */
export function AccessPathSection({
  id,
  title,
  paths,
  snapshotId,
}: {
  id: string;
  title: string;
  paths: DriftAccessPath[];
  snapshotId: number;
}) {
  return (
    <Section title={<span id={id}>{`${title} (${paths.length})`}</span>}>
      <TableWrap>
        <table data-testid={id}>
          <thead>
            <tr>
              <th>Person</th>
              <th>Account</th>
              <th>Permission set</th>
              <th>Role</th>
              <th>Via</th>
            </tr>
          </thead>
          <tbody>
            {paths.slice(0, ROWS_SHOWN).map((path) => (
              <tr key={path.key}>
                <td>
                  <Link href={accessHref(path, snapshotId)}>{path.displayName ?? path.userName}</Link>
                  <br />
                  <small className="inv-muted">{path.email ?? path.userName}</small>
                </td>
                <td>
                  <Link href={`/accounts/${path.accountId}?snapshot=${snapshotId}`}>{path.accountName ?? path.accountId}</Link>
                </td>
                <td>
                  {path.permissionSetArn ? (
                    <Link href={`/permission-sets/detail?snapshot=${snapshotId}&arn=${encodeURIComponent(path.permissionSetArn)}`}>
                      {path.permissionSetName}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {path.roleArn ? (
                    <Link href={`/iam/roles/detail?snapshot=${snapshotId}&arn=${encodeURIComponent(path.roleArn)}`}>
                      <Mono>{path.roleArn.slice(path.roleArn.lastIndexOf("/") + 1)}</Mono>
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  <small>{path.via}</small>
                </td>
              </tr>
            ))}
            {paths.length === 0 ? <NoRows colSpan={5}>None.</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
      <More total={paths.length} />
    </Section>
  );
}

/** Trust policies or permission sets that changed, with the field-level change and who made it. */
export function ChangeSection({
  id,
  title,
  changes,
  fromId,
  toId,
}: {
  id: string;
  title: string;
  changes: DriftReportChange[];
  fromId: number;
  toId: number;
}) {
  return (
    <Section title={<span id={id}>{`${title} (${changes.length})`}</span>}>
      {changes.length === 0 ? <p className="inv-muted">None.</p> : null}
      <div data-testid={id}>
        {changes.slice(0, ROWS_SHOWN).map((change) => (
          <article key={`${change.change}|${change.naturalKey}`} className="drift-item">
            <h4>
              {change.target ? (
                <Link href={inventoryHref(change.target, change.change === "removed" ? fromId : toId)}>{change.label}</Link>
              ) : (
                change.label
              )}{" "}
              <small className="inv-muted">
                {change.change}
                {change.accountId ? ` in ${change.accountId}` : ""}
              </small>
            </h4>
            {change.changes.length > 0 ? (
              <ul>
                {change.changes.slice(0, 20).map((c) => (
                  <li key={`${c.kind}|${c.path}`}>
                    {c.kind} <Mono>{c.path || "(value)"}</Mono>
                  </li>
                ))}
              </ul>
            ) : null}
            <WhoChanged events={change.whoChanged} />
          </article>
        ))}
      </div>
      <More total={changes.length} />
    </Section>
  );
}

/** Findings opened (or reopened) or resolved by the evaluations in the interval. */
export function FindingSection({ id, title, findings }: { id: string; title: string; findings: DriftFindingChange[] }) {
  return (
    <Section title={<span id={id}>{`${title} (${findings.length})`}</span>}>
      <TableWrap>
        <table data-testid={id}>
          <thead>
            <tr>
              <th>Finding</th>
              <th>Severity</th>
              <th>Rule</th>
              <th>Account</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {findings.slice(0, ROWS_SHOWN).map((finding) => (
              <tr key={`${finding.findingId}|${finding.change}|${finding.snapshotId}`}>
                <td>
                  <Link href={`/findings/${finding.findingId}`}>{finding.title}</Link>
                  {finding.change === "reopened" ? <small className="inv-muted"> (reopened)</small> : null}
                </td>
                <td>
                  <SeverityBadge severity={finding.severity} />
                </td>
                <td>
                  <Mono>{finding.rule}</Mono>
                </td>
                <td>{finding.accountId ?? "—"}</td>
                <td className="inv-nowrap">{formatDateTime(finding.at)}</td>
              </tr>
            ))}
            {findings.length === 0 ? <NoRows colSpan={5}>None.</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
      <More total={findings.length} />
    </Section>
  );
}
