/**
 * A synthetic review campaign inserted directly, with rows shaped like the ones startReviewCampaign
 * writes (person, account, a permission-set path or a role chain, session, findings, change, reviewer,
 * decisions and comments, about 1 % revoked), so exports can be measured at any size.
 */
import type { PrismaClient } from "../lib/db";

const BATCH = 2_000;
/** Rows built one by one; larger campaigns are copies of them made by the database (one INSERT … SELECT). */
const TEMPLATE = 10_000;
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

const COLUMNS = [
  "personName",
  "personEmail",
  "accountId",
  "accountName",
  "permissionSetName",
  "permissionSetArn",
  "roleArn",
  "via",
  "pathLabel",
  "effectiveSessionSeconds",
  "cappedByChaining",
  "conditional",
  "lastUsedAt",
  "findings",
  "change",
  "changeDetail",
  "reviewerEmail",
  "reviewerSource",
  "decision",
  "decisionComment",
  "decidedById",
  "decidedByName",
  "decidedAt",
  "decisionPrefilled",
  "revokeState",
]
  .map((column) => `"${column}"`)
  .join(", ");

/**
 * Rows `template`..`rows - 1` as copies of the template rows (copy g of row n is row g × template + n,
 * a different person of the same shape), in one statement: 100,000 rows in seconds, not minutes.
 */
async function copyTemplate(db: PrismaClient, campaignId: number, template: number, rows: number): Promise<void> {
  const copies = Math.ceil(rows / template) - 1;
  await db.$executeRawUnsafe(
    `INSERT INTO "ReviewItem" ("campaignId", "rowKey", "personKey", ${COLUMNS})
     SELECT t."campaignId", 'row-' || (g * $2::int + n), t."personKey" || '-copy-' || g, ${COLUMNS}
     FROM (SELECT *, substring("rowKey" from 5)::int AS n FROM "ReviewItem" WHERE "campaignId" = $1::int) t
     CROSS JOIN generate_series(1, $3::int) g
     WHERE g * $2::int + n < $4::int
     ORDER BY g, n`,
    campaignId,
    template,
    copies,
    rows,
  );
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
  const template = Math.min(TEMPLATE, rows);
  for (let start = 0; start < template; start += BATCH) {
    const data = Array.from({ length: Math.min(BATCH, template - start) }, (_, i) => item(campaign.id, start + i));
    await db.reviewItem.createMany({ data: data.map((row) => ({ ...row, changeDetail: row.changeDetail ?? undefined })) });
  }
  if (rows > template) await copyTemplate(db, campaign.id, template, rows);
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
