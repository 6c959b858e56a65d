import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PS, ADMIN_ROLE, DEV, PROD, TEAM_ROLE, VIEW_ROLE, accessInventory } from "../access/testing/access-inventory";
import { normalizeTrailEvent, type OrgInventory } from "../aws";
import { seedTrailEvents } from "../cloudtrail/testing/seed-trail-events";
import { trust } from "../graph/testing/graph-inventory";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { deliverDueNotifications } from "../notify";
import { buildDriftReport, driftReportCsv, driftReportPdf, parseDriftReportPoint, sendDriftReport, type DriftReportSummary } from ".";

const database = useTestDatabase();
const T1 = new Date("2026-04-01T10:00:00Z");
const T2 = new Date("2026-04-04T10:00:00Z");

/** bob loses View in dev, carol gains Admin in prod directly, and TeamRole also trusts dev's root. */
function changedInventory(): OrgInventory {
  const state = accessInventory();
  const idc = state.identityCenter!;
  idc.assignments = idc.assignments.filter((a) => a.principalId !== "u-bob");
  idc.assignments.push({
    key: `${PROD}|${ADMIN_PS}|USER|u-carol`,
    accountId: PROD,
    permissionSetArn: ADMIN_PS,
    principalType: "USER",
    principalId: "u-carol",
  });
  const team = state.iamByAccount[PROD]!.roles.find((role) => role.arn === TEAM_ROLE)!;
  team.trustPolicy = trust({ AWS: [ADMIN_ROLE, `arn:aws:iam::${DEV}:root`] });
  return state;
}

const snapshotAt = async (inventory: OrgInventory, asOf: Date) =>
  (await takeSnapshot(database.db, { source: "LIVE", asOf, collect: async () => structuredClone(inventory) })).id;

const trustEdit = (eventId: string, eventTime: Date) =>
  normalizeTrailEvent({
    eventVersion: "1.08",
    userIdentity: {
      type: "IAMUser",
      arn: `arn:aws:iam::${PROD}:user/mallory`,
      accountId: PROD,
      userName: "mallory",
      principalId: "AIDAMALLORY",
    },
    eventTime: eventTime.toISOString(),
    eventSource: "iam.amazonaws.com",
    eventName: "UpdateAssumeRolePolicy",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-cli/2.17.20",
    requestParameters: { roleName: "TeamRole", policyDocument: "{}" },
    responseElements: null,
    readOnly: false,
    eventID: eventId,
    recipientAccountId: PROD,
  });

async function finding(fingerprint: string, title: string, events: Array<{ type: "OPENED" | "RESOLVED"; snapshotId: number }>) {
  const { db } = database;
  const last = events.at(-1)!;
  const row = await db.finding.create({
    data: {
      fingerprint,
      rule: "TRUST_WIDENED",
      severity: "HIGH",
      status: last.type === "RESOLVED" ? "RESOLVED" : "OPEN",
      title,
      accountId: PROD,
      resourceArn: TEAM_ROLE,
      evidence: {},
      evidenceHash: fingerprint,
      remediation: "narrow it",
      firstSeenAt: T1,
      firstSeenSnapshotId: events[0]!.snapshotId,
      lastSeenAt: T2,
      lastSeenSnapshotId: last.snapshotId,
    },
  });
  for (const event of events) await db.findingEvent.create({ data: { findingId: row.id, type: event.type, snapshotId: event.snapshotId } });
  return row.id;
}

let ids: number[] = [];
let report: DriftReportSummary;
const findingIds: Record<string, number> = {};

beforeAll(async () => {
  ids = [await snapshotAt(accessInventory(), T1), await snapshotAt(changedInventory(), T2)];
  await seedTrailEvents(database.db, [trustEdit("ev-team-trust", new Date("2026-04-02T08:00:00Z"))], "S3_LOG_FILE");
  findingIds.old = await finding("fp-old", "open before the interval", [{ type: "OPENED", snapshotId: ids[0]! }]);
  findingIds.opened = await finding("fp-opened", "opened in the interval", [{ type: "OPENED", snapshotId: ids[1]! }]);
  findingIds.resolved = await finding("fp-resolved", "resolved in the interval", [
    { type: "OPENED", snapshotId: ids[0]! },
    { type: "RESOLVED", snapshotId: ids[1]! },
  ]);
  report = await buildDriftReport(database.db);
}, 120_000);

describe("buildDriftReport", () => {
  it("defaults to the oldest snapshot when there is no campaign and none is a week older, up to the latest", () => {
    expect([report.from.id, report.to.id, report.basis, report.campaignId]).toEqual([ids[0], ids[1], "oldest", null]);
  });

  it("lists the access path carol gained and the one bob lost, person × account × permission set × role", () => {
    expect(report.access.added).toContainEqual(
      expect.objectContaining({ userName: "carol", accountId: PROD, permissionSetName: "Admin", roleArn: ADMIN_ROLE }),
    );
    expect(report.access.added.every((path) => path.userName === "carol")).toBe(true);
    expect(report.access.removed).toEqual([
      expect.objectContaining({ userName: "bob", accountId: DEV, permissionSetName: "View", roleArn: VIEW_ROLE, email: "bob@example.com" }),
    ]);
    expect(report.counts).toMatchObject({ newPaths: report.access.added.length, removedPaths: 1 });
  });

  it("names the trust policy change and who made it from CloudTrail", () => {
    expect(report.trustChanges).toHaveLength(1);
    const [change] = report.trustChanges;
    expect(change).toMatchObject({ kind: "IAM_ROLE", change: "changed", naturalKey: TEAM_ROLE, label: "TeamRole" });
    expect(change!.changes.length).toBeGreaterThan(0);
    expect(change!.changes.every((c) => c.path.startsWith("trustPolicy"))).toBe(true);
    expect(change!.whoChanged).toEqual([
      expect.objectContaining({
        eventId: "ev-team-trust",
        eventName: "UpdateAssumeRolePolicy",
        actorArn: `arn:aws:iam::${PROD}:user/mallory`,
      }),
    ]);
  });

  it("lists the findings opened and resolved by the evaluations after the first snapshot, not the older ones", () => {
    expect(report.findings.opened.map((f) => [f.findingId, f.change, f.severity])).toEqual([[findingIds.opened, "opened", "high"]]);
    expect(report.findings.resolved.map((f) => [f.findingId, f.change])).toEqual([[findingIds.resolved, "resolved"]]);
  });

  it("starts at the previous review campaign's snapshot when there is one, and at a named point when given", async () => {
    const campaign = await database.db.reviewCampaign.create({
      data: { name: "Week 14", snapshotId: ids[0]!, snapshotAsOf: T1, periodStart: T1, createdBy: "system" },
    });
    try {
      const byCampaign = await buildDriftReport(database.db);
      expect([byCampaign.from.id, byCampaign.basis, byCampaign.campaignId]).toEqual([ids[0], "previous-campaign", campaign.id]);
      const named = await buildDriftReport(database.db, { since: `campaign:${campaign.id}`, until: String(ids[1]) });
      expect([named.from.id, named.to.id, named.basis]).toEqual([ids[0], ids[1], "given"]);
      const byDate = await buildDriftReport(database.db, { since: "2026-04-02" });
      expect(byDate.from.id).toBe(ids[0]);
      await expect(buildDriftReport(database.db, { since: "campaign:999" })).rejects.toThrow("review campaign 999 does not exist");
    } finally {
      await database.db.reviewCampaign.delete({ where: { id: campaign.id } });
    }
  });

  it("writes a CSV naming both snapshots with hostile cells neutralised, and a PDF", async () => {
    const csv = driftReportCsv(report);
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe(
      "fromSnapshotId,toSnapshotId,section,change,subject,accountId,accountName,permissionSet,roleArn,detail,changedBy,changedAt,link",
    );
    expect(rows.every((row) => row.startsWith(`${ids[0]},${ids[1]},`))).toBe(true);
    expect(rows.some((row) => row.includes(",access,removed,bob@example.com,"))).toBe(true);
    expect(rows.some((row) => row.includes(",trust,changed,TeamRole,") && row.includes("arn:aws:iam::222222222222:user/mallory"))).toBe(
      true,
    );
    const hostile = driftReportCsv({
      ...report,
      findings: { ...report.findings, opened: [{ ...report.findings.opened[0]!, title: '=HYPERLINK("x")' }] },
    });
    expect(hostile).toContain(`"'=HYPERLINK(""x"")"`);
    const pdf = await driftReportPdf(report);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

describe("sendDriftReport", () => {
  it("queues the summary for the subscribers with a link to the report, audited; unconfigured channels are recorded, not failed", async () => {
    // Given the report, and neither a webhook nor SMTP configured
    const { notificationId } = await sendDriftReport(database.db, {
      report,
      subscribers: ["secteam@example.com"],
      actor: { type: "system", name: "send-drift-report" },
    });

    // Then the outbox holds it with the counts, the subscribers and the report's page
    const stored = await database.db.notification.findUniqueOrThrow({ where: { id: notificationId }, include: { deliveries: true } });
    expect(stored.kind).toBe("drift.report");
    expect(stored.payload).toMatchObject({
      audience: "subscribers",
      driftReport: { fromSnapshotId: ids[0], toSnapshotId: ids[1], subscribers: ["secteam@example.com"] },
      facts: { "Removed access paths": 1, "Trust policy changes": 1, "Findings opened": 1, "Findings resolved": 1 },
      link: `/drift/report?since=${ids[0]}&until=${ids[1]}`,
    });
    const audit = await database.db.auditEntry.findFirstOrThrow({ where: { action: "export.created", targetType: "drift-report" } });
    expect(audit).toMatchObject({ actorName: "system:send-drift-report", targetId: `${ids[0]}-${ids[1]}` });

    // When the outbox is drained without configuration, each channel is NOT_CONFIGURED, not FAILED
    await deliverDueNotifications(database.db, {
      smtpFrom: "vigil@localhost",
      emailTo: [],
      timeoutMs: 1000,
      maxAttempts: 3,
      baseUrl: "http://localhost",
    });
    const deliveries = await database.db.notificationDelivery.findMany({ where: { notificationId } });
    expect(deliveries.map((d) => d.status).sort()).toEqual(["NOT_CONFIGURED", "NOT_CONFIGURED"]);
  });
});

describe("parseDriftReportPoint", () => {
  it("reads snapshot ids, campaigns and dates, and nothing else", () => {
    expect(parseDriftReportPoint("42")).toEqual({ kind: "snapshot", id: 42 });
    expect(parseDriftReportPoint("campaign:3")).toEqual({ kind: "campaign", id: 3 });
    expect(parseDriftReportPoint("c7")).toEqual({ kind: "campaign", id: 7 });
    expect(parseDriftReportPoint("2026-04-02")).toEqual({ kind: "date", at: new Date("2026-04-02T00:00:00Z") });
    expect(parseDriftReportPoint("2026-04-02T10:00:00+02:00")).toEqual({ kind: "date", at: new Date("2026-04-02T08:00:00Z") });
    for (const bad of ["0", "-1", "=cmd", "yesterday", "2026-13-45", "x".repeat(100), ""]) expect(parseDriftReportPoint(bad)).toBeNull();
  });
});
