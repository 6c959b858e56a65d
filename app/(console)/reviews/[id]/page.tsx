import Link from "next/link";
import { notFound } from "next/navigation";
import { hasPermission, rolesWithPermission } from "@/lib/auth";
import { getDb, type Db } from "@/lib/db";
import { toAppError, zodIssueLines } from "@/lib/errors";
import {
  findReviewItems,
  findReviewRemediations,
  getReviewCampaignOrThrow,
  getReviewProgress,
  type ReviewCampaignView,
} from "@/lib/review";
import { requirePermission } from "@/app/_auth/require-session";
import { DataTable } from "../../_components/data-table";
import { SelectFilter, TextFilter } from "../../_components/filter-form";
import { formatDateTime } from "../../_components/format";
import { DetailList, Mono, PageHeader, Section } from "../../_components/page-header";
import { flattenSearchParams, hrefWith, type RawSearchParams } from "../../_components/url";
import { CampaignStatusBadge, pendingCount } from "../campaign-columns";
import "../reviews.css";
import { BulkDecisionForm } from "./bulk-decision-form";
import { ProgressTable } from "./progress-table";
import { RemediationList } from "./remediation-list";
import { CHANGE_FILTERS, DECISION_FILTERS, defaultReviewerChoice, reviewItemParams, toReviewItemFilter } from "./review-item-params";
import { reviewItemColumns, rowRights } from "./review-item-columns";
import { SignOffForm } from "./sign-off-form";

export const dynamic = "force-dynamic";

const EXPORTS = [
  { label: "CSV", query: { format: "csv" } },
  { label: "CSV with BOM (Excel)", query: { format: "csv", bom: "1" } },
  { label: "XLSX", query: { format: "xlsx" } },
  { label: "JSON", query: { format: "json" } },
  { label: "PDF summary", query: { format: "pdf" } },
] as const;

async function loadCampaign(db: Db, id: number): Promise<ReviewCampaignView> {
  try {
    return await getReviewCampaignOrThrow(db, id);
  } catch (error) {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ReviewCampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const user = await requirePermission("review:read");
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const db = await getDb();
  const campaign = await loadCampaign(db, Number(raw));
  const path = `/reviews/${campaign.id}`;
  const query = flattenSearchParams(await searchParams);
  const parsed = reviewItemParams.safeParse(query);
  if (!parsed.success) {
    return (
      <>
        <PageHeader title={campaign.name} />
        <div className="inv-notice inv-error" role="alert">
          <strong>This address has a bad parameter.</strong>
          <ul>
            {zodIssueLines(parsed.error).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Link href={path}>Show the campaign with default filters</Link>
        </div>
      </>
    );
  }
  const isAuditor = hasPermission(user, "review:sign-off");
  const filter = toReviewItemFilter(parsed.data, { email: user.email, canSeeAll: isAuditor });
  const isOpen = campaign.status === "open";
  const [items, progress, remediations] = await Promise.all([
    findReviewItems(db, campaign.id, filter, { page: parsed.data.page, pageSize: parsed.data.pageSize }),
    getReviewProgress(db, campaign.id),
    findReviewRemediations(db, campaign.id),
  ]);
  const canAttest = isOpen && hasPermission(user, "review:attest");
  const rights = rowRights({ email: user.email, canAttestAny: isAuditor, isOpen: canAttest });
  const pending = pendingCount(campaign);
  const reviewer = parsed.data.reviewer ?? defaultReviewerChoice(isAuditor);
  return (
    <>
      <PageHeader title={campaign.name}>
        <CampaignStatusBadge status={campaign.status} />
      </PageHeader>
      <DetailList
        items={[
          [
            "Snapshot",
            <span key="snapshot">
              <Link href={`/snapshots/${campaign.snapshotId}`}>#{campaign.snapshotId}</Link>, data as of{" "}
              {formatDateTime(campaign.snapshotAsOf)}
            </span>,
          ],
          ["Started", `${formatDateTime(campaign.createdAt)} by ${campaign.createdBy}`],
          [
            "Previous campaign",
            campaign.previousCampaignId ? (
              <Link href={`/reviews/${campaign.previousCampaignId}`}>#{campaign.previousCampaignId}</Link>
            ) : (
              "none"
            ),
          ],
          [
            "Rows",
            `${campaign.counts.total}: ${CHANGE_FILTERS.map((change) => `${campaign.counts.byChange[change]} ${change}`).join(", ")}`,
          ],
          ["Decisions", DECISION_FILTERS.map((decision) => `${campaign.counts.byDecision[decision]} ${decision}`).join(", ")],
        ]}
      />
      <Section title="Downloads">
        <p className="review-downloads">
          {EXPORTS.map((entry) => (
            <a key={entry.label} href={hrefWith(`${path}/export`, entry.query)} download>
              {entry.label}
            </a>
          ))}
        </p>
      </Section>
      <Section title="Progress per reviewer">
        <ProgressTable progress={progress} path={path} />
      </Section>
      <Section title="Sign-off">
        <SignOffSection campaign={campaign} pending={pending} canSignOff={isAuditor} />
      </Section>
      <Section title="Rows">
        {canAttest ? <BulkDecisionForm campaignId={campaign.id} filterJson={JSON.stringify(filter)} matching={items.total} /> : null}
        <DataTable
          columns={reviewItemColumns({ campaignId: campaign.id, rights, isSelectable: canAttest })}
          page={{ ...items, sort: { by: "id", dir: "asc" } }}
          rowKey={(item) => String(item.id)}
          path={path}
          query={query}
          canSort={false}
          empty={
            reviewer === "mine" ? "No rows are assigned to you with these filters. Choose “all” reviewers to see every row." : undefined
          }
          filters={
            <>
              <label>
                Reviewer
                <select name="reviewer" defaultValue={reviewer}>
                  <option value="mine">mine ({user.email})</option>
                  <option value="all">all</option>
                  <option value="unassigned">unassigned</option>
                  {progress.flatMap((row) =>
                    row.reviewerEmail && row.reviewerEmail !== user.email ? (
                      <option key={row.reviewerEmail} value={row.reviewerEmail}>
                        {row.reviewerEmail}
                      </option>
                    ) : (
                      []
                    ),
                  )}
                </select>
              </label>
              <TextFilter name="accountId" label="Account id" value={parsed.data.accountId} placeholder="12 digits" />
              <TextFilter name="person" label="Person" value={parsed.data.person} placeholder="exact name or e-mail" />
              <SelectFilter
                name="change"
                label="Change"
                value={parsed.data.change}
                options={CHANGE_FILTERS.map((c) => ({ value: c, label: c }))}
              />
              <SelectFilter
                name="decision"
                label="Decision"
                value={parsed.data.decision}
                options={DECISION_FILTERS.map((d) => ({ value: d, label: d === "prefilled" ? "carried over, unconfirmed" : d }))}
              />
              <TextFilter name="q" label="Search" value={parsed.data.q} placeholder="path, permission set, role" />
            </>
          }
        />
      </Section>
      <Section title="Remediation">
        <p className="inv-muted">
          Vigil changes nothing in AWS: remove each revoked access with the command or the Terraform change below. The first snapshot after
          the decision shows whether it was done.
        </p>
        <RemediationList remediations={remediations} />
      </Section>
    </>
  );
}

function SignOffSection({ campaign, pending, canSignOff }: { campaign: ReviewCampaignView; pending: number; canSignOff: boolean }) {
  if (campaign.status === "signed-off") {
    return (
      <DetailList
        items={[
          ["Signed off by", campaign.signedOffByName ?? "—"],
          ["At", formatDateTime(campaign.signedOffAt)],
          ["Comment", campaign.signOffComment ?? "—"],
          [
            "Audit chain head",
            <span key="head">
              entry {campaign.signOffAuditSequence ?? "—"}, hash <Mono>{campaign.signOffAuditHash ?? "—"}</Mono>
            </span>,
          ],
        ]}
      />
    );
  }
  if (pending > 0) {
    return (
      <p className="inv-muted">
        {pending === 1 ? "1 row is" : `${pending} rows are`} still pending (undecided, or carried over and not confirmed); an auditor signs
        off once none is.
      </p>
    );
  }
  return canSignOff ? (
    <SignOffForm campaignId={campaign.id} />
  ) : (
    <p className="inv-muted">
      Every row is decided: the campaign waits for the sign-off of a {rolesWithPermission("review:sign-off").join(" or ")}.
    </p>
  );
}
