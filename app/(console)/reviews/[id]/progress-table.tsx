import type { getReviewProgress } from "@/lib/review";
import { NoRows, TableWrap } from "../../_components/page-header";
import { hrefWith } from "../../_components/url";
import { ProgressBar } from "../progress-bar";
import Link from "next/link";

type Progress = Awaited<ReturnType<typeof getReviewProgress>>[number];

/** Each reviewer's share: decided of total, and how much of it is carried over, revoke or needs-info. */
export function ProgressTable({ progress, path }: { progress: Progress[]; path: string }) {
  return (
    <TableWrap>
      <table aria-label="Progress per reviewer">
        <thead>
          <tr>
            <th>Reviewer</th>
            <th>Decided</th>
            <th>Carried over, unconfirmed</th>
            <th>Revoke</th>
            <th>Needs info</th>
          </tr>
        </thead>
        <tbody>
          {progress.length === 0 ? <NoRows colSpan={5}>No rows in this campaign.</NoRows> : null}
          {progress.map((row) => (
            <tr key={`${row.reviewerEmail ?? ""}:${row.reviewerSource}`}>
              <td>
                {row.reviewerEmail ? (
                  <Link href={hrefWith(path, { reviewer: row.reviewerEmail })}>{row.reviewerEmail}</Link>
                ) : (
                  <span className="inv-muted">unassigned</span>
                )}
              </td>
              <td>
                <ProgressBar decided={row.decided} total={row.total} label={`${row.reviewerEmail ?? "unassigned"} decided`} />
              </td>
              <td>{row.prefilled}</td>
              <td>{row.revoke}</td>
              <td>{row.needsInfo}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
