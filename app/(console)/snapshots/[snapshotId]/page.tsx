import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { getSnapshotChanges, getSnapshotReport, type SnapshotReport } from "@/lib/inventory";
import { SnapshotError } from "@/lib/snapshot";
import { SnapshotStatusBadge } from "../../_components/badges";
import { formatDateTime, formatDurationMs } from "../../_components/format";
import { DetailList, PageHeader } from "../../_components/page-header";
import { PageState } from "../../_components/page-state";
import type { RawSearchParams } from "../../_components/url";
import { parsePage } from "../../_data/open-inventory-page";
import { SnapshotChangesSection, type ChangesResult } from "./snapshot-changes";
import { SnapshotCounts } from "./snapshot-counts";
import { SnapshotCoverage } from "./snapshot-coverage";
import { SnapshotErrors } from "./snapshot-errors";

const params = z.object({ against: z.coerce.number().int().positive("against must be a snapshot id").optional() });
const SNAPSHOT_ID = z.coerce.number().int().positive();

async function loadReport(...args: Parameters<typeof getSnapshotReport>): Promise<SnapshotReport | null> {
  try {
    return await getSnapshotReport(...args);
  } catch (error) {
    if (error instanceof SnapshotError && error.code === "SNAPSHOT_NOT_FOUND") return null;
    throw error;
  }
}

async function loadChanges(db: Db, fromId: number, toId: number): Promise<ChangesResult> {
  try {
    return { state: "ok", changes: await getSnapshotChanges(db, fromId, toId) };
  } catch (error) {
    if (error instanceof SnapshotError) return { state: "unavailable", message: error.message };
    throw error;
  }
}

export default async function SnapshotPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ snapshotId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const id = SNAPSHOT_ID.safeParse((await routeParams).snapshotId);
  if (!id.success) notFound();
  const page = await parsePage(params, searchParams);
  if (page.state === "invalid") return <PageState title={`Snapshot #${id.data}`} path={`/snapshots/${id.data}`} problem={page} />;
  const report = await loadReport(page.db, id.data);
  if (!report) notFound();
  const against = page.params.against ?? report.previousReadableId;
  return (
    <>
      <PageHeader title={`Snapshot #${report.id}`} breadcrumbs={[{ label: "Snapshots", href: "/snapshots" }]}>
        {report.isReadable ? <Link href={`/accounts?snapshot=${report.id}`}>Browse inventory as of this snapshot</Link> : null}
      </PageHeader>
      <DetailList
        items={[
          ["Status", <SnapshotStatusBadge key="status" status={report.status} />],
          ["Source", report.source === "LIVE" ? "live collection" : "import"],
          ["Data as of", formatDateTime(report.asOf)],
          ["Started", formatDateTime(report.startedAt)],
          ["Finished", formatDateTime(report.finishedAt)],
          ["Duration", formatDurationMs(report.durationMs)],
          [
            "API calls",
            Object.entries(report.apiCalls)
              .map(([service, n]) => `${service} ${n}`)
              .join(" · ") || "—",
          ],
          [
            "Failure",
            report.failure ? (
              <span key="failure" className="error">
                {report.failure}
              </span>
            ) : (
              "—"
            ),
          ],
        ]}
      />
      <SnapshotCounts counts={report.counts} />
      <SnapshotCoverage coverage={report.coverage} />
      <SnapshotErrors errors={report.errors} />
      {report.isReadable && against !== null ? (
        <SnapshotChangesSection result={await loadChanges(page.db, against, report.id)} fromId={against} toId={report.id} />
      ) : null}
    </>
  );
}
