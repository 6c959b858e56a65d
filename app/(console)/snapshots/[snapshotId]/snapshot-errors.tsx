import type { SnapshotErrorRow } from "@/lib/inventory";
import { formatDateTime } from "../../_components/format";
import { Mono, NoRows, Section, TableWrap } from "../../_components/page-header";

/** Per-account and per-section problems of the run (access denied, throttling, outages), by account. */
export function SnapshotErrors({ errors }: { errors: SnapshotErrorRow[] }) {
  return (
    <Section title={`Errors (${errors.length})`}>
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th>Account</th>
              <th>Call</th>
              <th>Code</th>
              <th>Message</th>
              <th>At</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error) => (
              <tr key={error.id}>
                <td>{error.accountId ? <Mono>{error.accountId}</Mono> : <span className="inv-muted">organization</span>}</td>
                <td>
                  <Mono>
                    {error.service}:{error.operation}
                  </Mono>
                </td>
                <td>{error.code}</td>
                <td>{error.message}</td>
                <td>{formatDateTime(error.at)}</td>
              </tr>
            ))}
            {errors.length === 0 ? <NoRows colSpan={5}>No errors.</NoRows> : null}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}
