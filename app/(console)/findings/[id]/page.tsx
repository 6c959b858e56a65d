import Link from "next/link";
import { notFound } from "next/navigation";
import { hasPermission, rolesWithPermission } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { FindingError, getFinding, RULES } from "@/lib/findings";
import { formatDateTime } from "../../_components/format";
import { accountHref, inventoryHref } from "../../_components/inventory-links";
import { DetailList, Mono, PageHeader, Section } from "../../_components/page-header";
import { FindingStatusBadge, SeverityBadge } from "../../_components/severity-badge";
import { requireInventoryReader } from "../../_data/require-inventory-reader";
import { accountNameMap, loadAccountOptions } from "../load-account-names";
import { tomorrowUtc } from "../suppress-dates";
import { SuppressFindingsForm, UnsuppressFindingForm } from "../suppress-forms";
import { FindingEvidence } from "./finding-evidence";
import { FindingHistory } from "./finding-history";

export const dynamic = "force-dynamic";

async function loadFinding(id: number, now: Date) {
  const db = await getDb();
  try {
    return { db, finding: await getFinding(db, id, now) };
  } catch (error) {
    if (error instanceof FindingError && error.code === "FINDING_NOT_FOUND") notFound();
    throw error;
  }
}

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireInventoryReader();
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const now = new Date();
  const { db, finding } = await loadFinding(Number(raw), now);
  const accounts = accountNameMap(await loadAccountOptions(db));
  const rule = RULES.find((r) => r.id === finding.rule);
  const resourceHref = inventoryHref(finding.resourceArn);
  const canSuppress = hasPermission(user, "findings:suppress");
  return (
    <>
      <PageHeader title={finding.title} breadcrumbs={[{ label: "Findings", href: "/findings" }]}>
        <span>
          <SeverityBadge severity={finding.severity} /> <FindingStatusBadge status={finding.status} />
        </span>
      </PageHeader>
      <DetailList
        items={[
          ["Severity", <SeverityBadge key="severity" severity={finding.severity} />],
          ["Status", <FindingStatusBadge key="status" status={finding.status} />],
          [
            "Rule",
            <span key="rule">
              <Link href={`/findings?rule=${finding.rule}&status=all`}>
                <Mono>{finding.rule}</Mono>
              </Link>
              {rule ? ` — ${rule.description}` : null}
            </span>,
          ],
          [
            "Resource",
            resourceHref ? (
              <Link key="resource" href={resourceHref}>
                <Mono>{finding.resourceArn}</Mono>
              </Link>
            ) : (
              <Mono key="resource">{finding.resourceArn}</Mono>
            ),
          ],
          [
            "Account",
            finding.accountId ? (
              <Link key="account" href={accountHref(finding.accountId)}>
                {accounts.get(finding.accountId) ?? finding.accountId} ({finding.accountId})
              </Link>
            ) : (
              "—"
            ),
          ],
          [
            "First seen",
            <span key="first">
              {formatDateTime(finding.firstSeenAt)} in{" "}
              <Link href={`/snapshots/${finding.firstSeenSnapshotId}`}>snapshot #{finding.firstSeenSnapshotId}</Link>
            </span>,
          ],
          [
            "Last seen",
            <span key="last">
              {formatDateTime(finding.lastSeenAt)} in{" "}
              <Link href={`/snapshots/${finding.lastSeenSnapshotId}`}>snapshot #{finding.lastSeenSnapshotId}</Link>
            </span>,
          ],
          ["Resolved", finding.resolvedAt ? formatDateTime(finding.resolvedAt) : "—"],
          [
            "Suppressed",
            finding.status === "suppressed"
              ? `by ${finding.suppressedBy ?? "?"} until ${formatDateTime(finding.suppressedUntil)}: ${finding.suppressedReason ?? ""}`
              : "—",
          ],
        ]}
      />
      <Section title="Evidence">
        <FindingEvidence evidence={finding.evidence} />
      </Section>
      <Section title="Remediation">
        <p style={{ whiteSpace: "pre-line" }}>{finding.remediation}</p>
      </Section>
      {finding.status !== "resolved" ? (
        <Section title={finding.status === "suppressed" ? "Suppression" : "Suppress"}>
          {!canSuppress ? (
            <p className="inv-muted">Suppressing findings needs the role {rolesWithPermission("findings:suppress").join(", ")}.</p>
          ) : finding.status === "suppressed" ? (
            <>
              <SuppressFindingsForm formId="suppress-finding" ids={[finding.id]} minDate={tomorrowUtc(now)} label="Extend suppression" />
              <UnsuppressFindingForm id={finding.id} />
            </>
          ) : (
            <SuppressFindingsForm formId="suppress-finding" ids={[finding.id]} minDate={tomorrowUtc(now)} label="Suppress" />
          )}
        </Section>
      ) : null}
      <Section title="History">
        <FindingHistory history={finding.history} />
      </Section>
    </>
  );
}
