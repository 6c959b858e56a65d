import type { findReviewRemediations } from "@/lib/review";
import { Mono, NoRows, TableWrap } from "../../_components/page-header";
import { CopyButton } from "./copy-button";
import { RevokeStateBadge } from "./review-item-columns";

type Remediation = Awaited<ReturnType<typeof findReviewRemediations>>[number];

/** REVOKE rows as what to remove in AWS (Vigil changes nothing there), and whether the next snapshot shows it gone. */
export function RemediationList({ remediations }: { remediations: Remediation[] }) {
  return (
    <TableWrap>
      <table className="review-remediation" aria-label="Remediation">
        <thead>
          <tr>
            <th>Person</th>
            <th>Account</th>
            <th>Path</th>
            <th>AWS CLI</th>
            <th>Terraform</th>
            <th>Revoked?</th>
          </tr>
        </thead>
        <tbody>
          {remediations.length === 0 ? <NoRows colSpan={6}>No row is marked revoke.</NoRows> : null}
          {remediations.map(({ item, awsCli, terraform, revokeState }) => (
            <tr key={item.id} data-testid={`remediation-${item.id}`}>
              <td>{item.personEmail ?? item.personName}</td>
              <td>
                {item.accountName ?? item.accountId} <Mono>{item.accountId}</Mono>
              </td>
              <td>{item.pathLabel}</td>
              <td>
                <pre>
                  <Mono>{awsCli}</Mono>
                </pre>
                <CopyButton text={awsCli} label={`Copy the AWS CLI command for row ${item.id}`} />
              </td>
              <td>
                <pre>
                  <Mono>{terraform}</Mono>
                </pre>
                <CopyButton text={terraform} label={`Copy the Terraform hint for row ${item.id}`} />
              </td>
              <td>
                <RevokeStateBadge state={revokeState} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
