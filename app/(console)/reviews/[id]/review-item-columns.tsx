import Link from "next/link";
import type { ReviewItemView } from "@/lib/review";
import { Badge } from "../../_components/badges";
import type { Column } from "../../_components/data-table";
import { formatDateTime, formatSeconds } from "../../_components/format";
import { accountHref } from "../../_components/inventory-links";
import { Mono } from "../../_components/page-header";
import { SeverityBadge } from "../../_components/severity-badge";
import { ChangeBadge } from "../change-badge";
import { BULK_FORM_ID } from "./bulk-decision-form";
import { DecisionCell } from "./decision-badge";
import { RowDecisionForm } from "./row-decision-form";

/** What the signed-in user may do with a row; a person never attests their own access. */
export type RowRights = (item: ReviewItemView) => "decide" | "own-access" | "not-theirs" | "closed";

const sameEmail = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

export function rowRights(options: { email: string; canAttestAny: boolean; isOpen: boolean }): RowRights {
  return (item) => {
    if (!options.isOpen || item.change === "removed") return "closed";
    if (sameEmail(item.personEmail, options.email)) return "own-access";
    return options.canAttestAny || sameEmail(item.reviewerEmail, options.email) ? "decide" : "not-theirs";
  };
}

const roleName = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

const REVIEWER_SOURCE: Record<ReviewItemView["reviewerSource"], string> = {
  "account-owner": "account owner",
  "group-owner": "group owner",
  default: "default reviewer",
  unassigned: "unassigned",
};

export function reviewItemColumns(options: {
  campaignId: number;
  rights: RowRights;
  isSelectable: boolean;
}): Array<Column<ReviewItemView>> {
  const columns: Array<Column<ReviewItemView>> = [
    {
      key: "person",
      header: "Person",
      render: (item) => (
        <>
          {item.personName}
          {item.personEmail && item.personEmail !== item.personName ? <div className="inv-muted">{item.personEmail}</div> : null}
        </>
      ),
    },
    {
      key: "account",
      header: "Account",
      render: (item) => (
        <>
          <Link href={accountHref(item.accountId)}>{item.accountName ?? item.accountId}</Link>
          <div>
            <Mono>{item.accountId}</Mono>
          </div>
        </>
      ),
    },
    { key: "path", header: "Path", render: (item) => item.pathLabel },
    {
      key: "access",
      header: "Permission set / role",
      render: (item) => (
        <>
          {item.permissionSetName ? <div>{item.permissionSetName}</div> : null}
          {item.roleArn ? (
            <div title={item.roleArn}>
              <Mono>{roleName(item.roleArn)}</Mono>
            </div>
          ) : null}
          {!item.permissionSetName && !item.roleArn ? "—" : null}
        </>
      ),
    },
    {
      key: "session",
      header: "Session",
      render: (item) => (
        <>
          {item.effectiveSessionSeconds > 0 ? (
            <span title={`${item.effectiveSessionSeconds} s`}>{formatSeconds(item.effectiveSessionSeconds)}</span>
          ) : (
            <span title="an IAM user's password and access keys: no session, no expiry">long-term credentials</span>
          )}
          {item.cappedByChaining ? <div className="inv-muted">capped by role chaining</div> : null}
          {item.conditional ? <div className="inv-muted">conditional</div> : null}
        </>
      ),
    },
    { key: "lastUsed", header: "Last used", render: (item) => (item.lastUsedAt ? formatDateTime(item.lastUsedAt) : "never") },
    {
      key: "findings",
      header: "Open findings",
      render: (item) =>
        item.findings.length === 0 ? (
          "—"
        ) : (
          <span className="review-findings">
            {item.findings.map((finding) => (
              <Link key={finding.id} href={`/findings/${finding.id}`} title={`${finding.rule}: ${finding.title}`}>
                <SeverityBadge severity={finding.severity} />
              </Link>
            ))}
          </span>
        ),
    },
    { key: "change", header: "Change", render: (item) => <ChangeBadge change={item.change} detail={item.changeDetail} /> },
    {
      key: "reviewer",
      header: "Reviewer",
      render: (item) => (
        <>
          {item.reviewerEmail ?? "—"}
          <div className="inv-muted">{REVIEWER_SOURCE[item.reviewerSource]}</div>
        </>
      ),
    },
    { key: "decision", header: "Decision", render: (item) => <DecisionCell item={item} /> },
    {
      key: "attest",
      header: "Attest",
      render: (item) => {
        switch (options.rights(item)) {
          case "decide":
            return <RowDecisionForm campaignId={options.campaignId} itemId={item.id} label={`${item.personName} in ${item.accountId}`} />;
          case "own-access":
            return <span className="inv-muted">your own access</span>;
          case "not-theirs":
            return <span className="inv-muted">assigned to {item.reviewerEmail ?? "nobody yet"}</span>;
          case "closed":
            return null;
        }
      },
    },
  ];
  if (!options.isSelectable) return columns;
  return [
    {
      key: "select",
      header: "Select",
      render: (item) =>
        options.rights(item) === "decide" ? (
          <input type="checkbox" name="ids" value={item.id} form={BULK_FORM_ID} aria-label={`Select row ${item.id}`} />
        ) : null,
    },
    ...columns,
  ];
}

export function RevokeStateBadge({ state }: { state: ReviewItemView["revokeState"] }) {
  if (state === null) return <span className="inv-muted">—</span>;
  const tone = state === "done" ? "ok" : state === "not-done" ? "danger" : "warn";
  const title =
    state === "pending"
      ? "no snapshot has been taken since the decision"
      : state === "done"
        ? "gone in the next snapshot"
        : "still there in the next snapshot";
  return (
    <Badge tone={tone} title={title}>
      {state}
    </Badge>
  );
}
