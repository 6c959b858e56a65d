/**
 * A synthetic review campaign inserted directly, with rows shaped like the ones startReviewCampaign
 * writes (person, account, a permission-set path or a role chain, session, findings, change, reviewer,
 * decisions and comments, about 1 % revoked), so exports can be measured at any size.
 */
import type { PrismaClient } from "../lib/db";

const BATCH = 2_000;
const HOSTILE = '=HYPERLINK("http://x","y")';

function item(campaignId: number, n: number) {
  const person = n % 5_000;
  const account = String(100_000_000_000 + (n % 2_000)).padStart(12, "0");
  const isRole = n % 3 === 0;
  const permissionSet = `Team${n % 40}-${isRole ? "Proxy" : "Access"}`;
  const permissionSetArn = `arn:aws:sso:::permissionSet/ssoins-bench/ps-${(n % 40).toString(16).padStart(16, "0")}`;
  const roleArn = isRole ? `arn:aws:iam::${account}:role/team-${n % 40}-deploy` : null;
  const name = person === 7 ? HOSTILE : `Person ${person}`;
  const decision = n % 100 === 0 ? "REVOKE" : n % 7 === 0 ? "NEEDS_INFO" : n % 4 === 0 ? null : "KEEP";
  const change = n % 20 === 0 ? "NEW" : n % 50 === 0 ? "CHANGED" : n % 97 === 0 ? "REMOVED" : "UNCHANGED";
  const via = [
    { kind: "idc-user", id: `user-${person}`, label: name, arn: null },
    { kind: "idc-group", id: `group-${n % 40}`, label: `Team ${n % 40}`, arn: null },
    { kind: "permission-set", id: permissionSetArn, label: permissionSet, arn: permissionSetArn },
    ...(roleArn ? [{ kind: "role", id: roleArn, label: `team-${n % 40}-deploy`, arn: roleArn }] : []),
  ];
  return {
    campaignId,
    rowKey: `row-${n}`,
    personKey: `idc:d-bench/user-${person}`,
    personName: name,
    personEmail: `person${person}@example.com`,
    accountId: account,
    accountName: `account-${n % 2_000}`,
    permissionSetName: permissionSet,
    permissionSetArn,
    roleArn,
    via,
    pathLabel: via.map((hop) => hop.label).join(" → "),
    effectiveSessionSeconds: isRole ? 3_600 : 43_200,
    cappedByChaining: isRole,
    conditional: n % 11 === 0,
    lastUsedAt: n % 3 === 1 ? null : new Date(Date.UTC(2026, 10, 1 + (n % 28))),
    findings:
      n % 13 === 0 ? [{ id: n, rule: "LONG_SESSION_SENSITIVE_ACCOUNT", severity: "medium", title: `12 h session into ${account}` }] : [],
    change: change as "NEW" | "CHANGED" | "UNCHANGED" | "REMOVED",
    changeDetail: change === "CHANGED" ? { effectiveSessionSeconds: { from: 3_600, to: 43_200 } } : undefined,
    reviewerEmail: `owner${n % 60}@example.com`,
    reviewerSource: "ACCOUNT_OWNER" as const,
    decision: change === "REMOVED" ? null : (decision as "KEEP" | "REVOKE" | "NEEDS_INFO" | null),
    decisionComment: decision === "REVOKE" ? "left the team" : decision === "NEEDS_INFO" ? "why does this team need prod?" : null,
    decidedById: decision ? "u-bench" : null,
    decidedByName: decision ? "Bench Reviewer" : null,
    decidedAt: decision ? new Date("2026-11-24T10:00:00Z") : null,
    decisionPrefilled: change === "UNCHANGED" && n % 9 === 0,
    revokeState: decision === "REVOKE" ? ("PENDING" as const) : null,
  };
}

/** Inserts a signed-off campaign of `rows` rows; returns its id. */
export async function insertSyntheticCampaign(db: PrismaClient, rows: number, periodStart: Date): Promise<number> {
  const campaign = await db.reviewCampaign.create({
    data: {
      name: `Synthetic ${rows} rows`,
      status: "SIGNED_OFF",
      snapshotId: 1,
      snapshotAsOf: new Date("2026-11-23T06:00:00Z"),
      periodStart,
      createdBy: "system",
      signedOffAt: new Date("2026-11-27T16:00:00Z"),
      signedOffById: "u-auditor",
      signedOffByName: "Bench Auditor",
      signOffComment: "synthetic campaign for bench:export",
      signOffAuditSequence: 1n,
      signOffAuditHash: "0".repeat(64),
    },
    select: { id: true },
  });
  for (let start = 0; start < rows; start += BATCH) {
    const data = Array.from({ length: Math.min(BATCH, rows - start) }, (_, i) => item(campaign.id, start + i));
    await db.reviewItem.createMany({ data: data.map((row) => ({ ...row, changeDetail: row.changeDetail ?? undefined })) });
  }
  const byChange = await db.reviewItem.groupBy({ by: ["change"], where: { campaignId: campaign.id }, _count: { _all: true } });
  const byDecision = await db.reviewItem.groupBy({
    by: ["decision"],
    where: { campaignId: campaign.id, change: { not: "REMOVED" } },
    _count: { _all: true },
  });
  const change = (name: string) => byChange.find((g) => g.change === name)?._count._all ?? 0;
  const decided = (name: string | null) => byDecision.find((g) => g.decision === name)?._count._all ?? 0;
  await db.reviewCampaign.update({
    where: { id: campaign.id },
    data: {
      counts: {
        total: rows,
        byChange: { new: change("NEW"), changed: change("CHANGED"), unchanged: change("UNCHANGED"), removed: change("REMOVED") },
        byDecision: {
          keep: decided("KEEP"),
          revoke: decided("REVOKE"),
          "needs-info": decided("NEEDS_INFO"),
          undecided: decided(null),
          prefilled: 0,
        },
      },
    },
  });
  return campaign.id;
}
