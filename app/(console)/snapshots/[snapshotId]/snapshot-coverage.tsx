import Link from "next/link";
import type { SnapshotReport } from "@/lib/inventory";
import { Badge, type Tone } from "../../_components/badges";
import { DetailList, Mono, Section, TableWrap } from "../../_components/page-header";

const TONE: Record<string, Tone> = { COLLECTED: "ok", PARTIAL: "warn", FAILED: "danger", SKIPPED: "neutral" };

function Status({ value }: { value: string }) {
  return <Badge tone={TONE[value] ?? "neutral"}>{value}</Badge>;
}

/**
 * What the run fully collected. Absence only means deletion inside a COLLECTED scope, so a PARTIAL
 * or FAILED account here explains why its entities were carried over rather than removed.
 */
export function SnapshotCoverage({ coverage }: { coverage: SnapshotReport["coverage"] }) {
  if (!coverage) return null;
  const accounts = Object.values(coverage.accounts).sort((a, b) => a.accountId.localeCompare(b.accountId));
  const incomplete = accounts.filter(
    (a) => a.iam !== "COLLECTED" || a.authorizationDetails !== "COLLECTED" || a.credentialReport !== "COLLECTED",
  );
  const idc = coverage.identityCenter;
  return (
    <Section title="Coverage">
      <DetailList
        items={[
          ["Organization", <Status key="org" value={coverage.organization} />],
          ["Account tags", <Status key="tags" value={coverage.accountTags} />],
          [
            "Identity Center",
            <span key="idc">
              instance <Status value={idc.instance} /> · users <Status value={idc.users} /> · groups <Status value={idc.groups} /> ·
              memberships <Status value={idc.memberships} /> · permission sets <Status value={idc.permissionSets} /> · assignments{" "}
              <Status value={idc.assignments} />
            </span>,
          ],
          ["Accounts", `${accounts.length - incomplete.length} of ${accounts.length} fully collected`],
        ]}
      />
      {incomplete.length ? (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th>Account</th>
                <th>IAM</th>
                <th>Authorization details</th>
                <th>Credential report</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {incomplete.map((a) => (
                <tr key={a.accountId}>
                  <td>
                    <Link href={`/accounts/${a.accountId}`}>
                      <Mono>{a.accountId}</Mono>
                    </Link>
                  </td>
                  <td>
                    <Status value={a.iam} />
                  </td>
                  <td>
                    <Status value={a.authorizationDetails} />
                  </td>
                  <td>
                    <Status value={a.credentialReport} />
                  </td>
                  <td>{a.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Section>
  );
}
