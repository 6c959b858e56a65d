import Link from "next/link";
import type { RoleVersion } from "@/lib/inventory";
import { formatDateTime, formatSeconds } from "../../../_components/format";
import { JsonViewer } from "../../../_components/json-viewer";
import { NoRows, Section, TableWrap } from "../../../_components/page-header";
import { hrefWith, type Query } from "../../../_components/url";

/** Every version of the role across snapshots, newest first, with the trust policy each one had. */
export function RoleHistory({ versions, query, arn }: { versions: RoleVersion[]; query: Query; arn: string }) {
  return (
    <Section title={`Version history (${versions.length})`}>
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>Seen from</th>
              <th>Until</th>
              <th>Changed</th>
              <th>Max session</th>
              <th>Trust policy</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.validFrom}>
                <td>
                  <Link href={hrefWith("/iam/roles/detail", query, { snapshot: version.validFrom, arn })}>#{version.validFrom}</Link>
                  <br />
                  <small>{formatDateTime(version.validFromAsOf)}</small>
                </td>
                <td>
                  {version.validTo === null ? "current" : `#${version.validTo}`}
                  <br />
                  <small>{version.validToAsOf ? formatDateTime(version.validToAsOf) : ""}</small>
                </td>
                <td>{version.changedFields.length ? version.changedFields.join(", ") : "first seen"}</td>
                <td>{formatSeconds(version.maxSessionDuration)}</td>
                <td>
                  <details>
                    <summary>show</summary>
                    <JsonViewer value={version.trustPolicy} />
                  </details>
                </td>
              </tr>
            ))}
            {versions.length === 0 ? <NoRows colSpan={5}>No readable snapshot holds this role.</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}
