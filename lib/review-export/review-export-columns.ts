import type { ExportColumn } from "../export";
import type { ReviewItemView } from "../review";
import { changeDetailText, decisionText, findingsText, sessionText, yesNo } from "./review-export-text";

/** Every column of a campaign row, in words; the snapshot and campaign on every row, so a CSV names them too. */
export function reviewRowColumns(snapshotId: number): Array<ExportColumn<ReviewItemView>> {
  return [
    { header: "Campaign", value: (item) => item.campaignId, width: 10 },
    { header: "Snapshot", value: () => snapshotId, width: 10 },
    { header: "Row", value: (item) => item.id, width: 10 },
    { header: "Person", value: (item) => item.personName, width: 24 },
    { header: "Email", value: (item) => item.personEmail, width: 28 },
    { header: "Person key", value: (item) => item.personKey, width: 30 },
    { header: "Account id", value: (item) => item.accountId, width: 14 },
    { header: "Account name", value: (item) => item.accountName, width: 22 },
    { header: "Access path", value: (item) => item.pathLabel, width: 60 },
    { header: "Permission set", value: (item) => item.permissionSetName, width: 22 },
    { header: "Permission set ARN", value: (item) => item.permissionSetArn, width: 30 },
    { header: "Role ARN", value: (item) => item.roleArn, width: 40 },
    { header: "Session", value: (item) => sessionText(item.effectiveSessionSeconds), width: 12 },
    { header: "Session seconds", value: (item) => item.effectiveSessionSeconds, width: 10 },
    { header: "Capped by role chaining", value: (item) => yesNo(item.cappedByChaining), width: 10 },
    { header: "Conditional", value: (item) => yesNo(item.conditional), width: 10 },
    { header: "Last used", value: (item) => item.lastUsedAt ?? "never seen", width: 24 },
    { header: "Open findings", value: (item) => findingsText(item.findings), width: 40 },
    { header: "Change since last campaign", value: (item) => item.change, width: 12 },
    { header: "What changed", value: (item) => changeDetailText(item.changeDetail), width: 40 },
    { header: "Reviewer", value: (item) => item.reviewerEmail ?? "unassigned", width: 28 },
    { header: "Reviewer from", value: (item) => item.reviewerSource, width: 14 },
    { header: "Decision", value: decisionText, width: 12 },
    { header: "Comment", value: (item) => item.decisionComment, width: 40 },
    { header: "Decided by", value: (item) => item.decidedByName, width: 20 },
    { header: "Decided at", value: (item) => item.decidedAt, width: 24 },
    { header: "Prefilled from last campaign", value: (item) => yesNo(item.decisionPrefilled), width: 10 },
    { header: "Revoke carried out", value: (item) => item.revokeState, width: 12 },
  ];
}

/** The changes sheet: what is new, removed or changed since the previous campaign. */
export const CHANGE_COLUMNS: Array<ExportColumn<ReviewItemView>> = [
  { header: "Change", value: (item) => item.change, width: 10 },
  { header: "Person", value: (item) => item.personName, width: 24 },
  { header: "Email", value: (item) => item.personEmail, width: 28 },
  { header: "Account id", value: (item) => item.accountId, width: 14 },
  { header: "Account name", value: (item) => item.accountName, width: 22 },
  { header: "Access path", value: (item) => item.pathLabel, width: 60 },
  { header: "Permission set", value: (item) => item.permissionSetName, width: 22 },
  { header: "Role ARN", value: (item) => item.roleArn, width: 40 },
  { header: "Session", value: (item) => sessionText(item.effectiveSessionSeconds), width: 12 },
  { header: "What changed", value: (item) => changeDetailText(item.changeDetail), width: 50 },
  { header: "Decision", value: decisionText, width: 12 },
];
