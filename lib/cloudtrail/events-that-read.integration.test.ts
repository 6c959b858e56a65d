import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ROLE_SESSION_NAME, collectOrganization } from "../aws";
import { makeSimAwsConfig, SIM_AUDIT_ROLE_NAME } from "../aws/testing/sim-fixture";
import { findIdcPeople } from "../inventory";
import { startSimServer, type SimServer } from "../sim";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import {
  findEventLinks,
  findTrailEvents,
  getAssumeRoleTimeSeries,
  groupSignInSessions,
  ingestCloudTrailForOrganization,
  isVigilOwnCall,
  type SignInSession,
  type TrailEventRow,
  type VigilIdentity,
} from ".";

const VIGIL: VigilIdentity = { auditRoleName: SIM_AUDIT_ROLE_NAME, sessionName: AUDIT_ROLE_SESSION_NAME };
/** The demo's Identity Center lives in eu-west-1 (Federate, AssumeRoleWithSAML); STS chains land in us-east-1. */
const REGIONS = ["us-east-1", "eu-west-1"];
const SANDBOX = "612345678902";
const SECURITY = "312456789012";

const ALL = { pageSize: 500 } as const;

async function allEvents(db: Parameters<typeof findTrailEvents>[0], filters: Parameters<typeof findTrailEvents>[1] = {}) {
  const rows: TrailEventRow[] = [];
  for (let page = 1; ; page++) {
    const result = await findTrailEvents(db, { ...filters, page: { page, ...ALL } });
    rows.push(...result.items);
    if (rows.length >= result.total) return rows;
  }
}

describe("events that read, from the simulated demo organization", () => {
  const database = useTestDatabase();
  let sim: SimServer;
  let snapshotId: number;

  beforeAll(async () => {
    sim = await startSimServer({ scenario: "demo", port: 0 });
    const config = makeSimAwsConfig(sim.url, { cloudTrailRegions: REGIONS });
    // Given a snapshot, whose collectors assume the audit role in every member account (the trail records it)…
    const snapshot = await takeSnapshot(database.db, {
      source: "LIVE",
      collect: (onProgress) => collectOrganization(config, { onProgress }),
    });
    if (snapshot.status === "FAILED") throw new Error(`snapshot failed: ${snapshot.failure}`);
    snapshotId = snapshot.id;
    // …two near misses: someone else's session in the audit role, and a session named like Vigil's in another role…
    const sts = new STSClient({ endpoint: sim.url, region: "us-east-1", credentials: config.credentials });
    await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${SANDBOX}:role/${SIM_AUDIT_ROLE_NAME}`, RoleSessionName: "mallory" }));
    await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${SECURITY}:role/OrganizationAccountAccessRole`,
        RoleSessionName: AUDIT_ROLE_SESSION_NAME,
      }),
    );
    sts.destroy();
    // …and an ingestion of the last two weeks up to after all of it.
    const ingest = await ingestCloudTrailForOrganization(database.db, {
      config,
      now: new Date(Date.now() + 2_000),
      settings: { lookbackDays: 14, regions: REGIONS, breakglassUsers: [], automationUsers: [] },
    });
    if ("skipped" in ingest) throw new Error(ingest.skipped);
  }, 180_000);

  afterAll(async () => {
    await sim?.close();
  });

  it("Vigil's own audit-role calls are left out when asked, and only they", async () => {
    const everything = await allEvents(database.db);
    const own = everything.filter((event) => isVigilOwnCall(event, VIGIL));
    // Both copies of each cross-account AssumeRole into the audit role: the management account's and the member's
    expect(own.length).toBeGreaterThanOrEqual(2 * 10);
    expect(new Set(own.map((event) => event.accountId)).size).toBeGreaterThan(5);

    const shown = await allEvents(database.db, { filters: { excludeVigil: VIGIL } });

    expect(shown.filter((event) => isVigilOwnCall(event, VIGIL))).toEqual([]);
    // Every other event stays, including those whose session and role columns are empty (Federate, ConsoleLogin)
    expect(shown.length).toBe(everything.length - own.length);
    expect(shown.some((event) => event.eventName === "Federate")).toBe(true);
    expect(shown.some((event) => event.eventName === "ConsoleLogin")).toBe(true);
  });

  it("the AssumeRole chart leaves out exactly the role assumptions the list leaves out", async () => {
    // Given every stored role assumption, Vigil's own among them
    const assumptions = await allEvents(database.db, { filters: { eventName: ["AssumeRole", "AssumeRoleWithSAML"] } });
    const own = assumptions.filter((event) => isVigilOwnCall(event, VIGIL));
    expect(own.length).toBeGreaterThan(0);
    const times = assumptions.map((event) => event.eventTime.getTime());
    const range = { from: new Date(Math.min(...times) - 3_600_000), to: new Date(Math.max(...times) + 3_600_000), bucket: "hour" as const };
    const total = (points: Awaited<ReturnType<typeof getAssumeRoleTimeSeries>>) =>
      points.reduce((sum, p) => sum + p.assumeRole + p.assumeRoleWithSaml, 0);

    // When the chart is drawn with and without Vigil's calls
    const withVigil = await getAssumeRoleTimeSeries(database.db, range);
    const withoutVigil = await getAssumeRoleTimeSeries(database.db, { ...range, excludeVigil: VIGIL });

    // Then the difference is Vigil's own calls, and the near misses (a stranger in the audit role) still count
    expect(total(withVigil)).toBe(assumptions.length);
    expect(total(withoutVigil)).toBe(assumptions.length - own.length);
  });

  it("a stranger in the audit role, or Vigil's session name on another role, is not hidden", async () => {
    const shown = await allEvents(database.db, { filters: { excludeVigil: VIGIL, eventName: "AssumeRole" } });

    const stranger = shown.filter((e) => e.targetRoleArn?.endsWith(`:role/${SIM_AUDIT_ROLE_NAME}`) && e.roleSessionName === "mallory");
    const lookalike = shown.filter(
      (e) => e.targetRoleArn?.endsWith(":role/OrganizationAccountAccessRole") && e.roleSessionName === AUDIT_ROLE_SESSION_NAME,
    );
    // the caller's copy and the role account's copy of each
    expect(stranger).toHaveLength(2);
    expect(lookalike).toHaveLength(2);
  });

  it("one portal sign-in's Federate, AssumeRoleWithSAML and role chain are one session, named after the person", async () => {
    // Given the events around one Federate of the demo's activity
    const federates = await findTrailEvents(database.db, { filters: { eventName: "Federate" }, page: { pageSize: 50 } });
    const [federate] = (await findEventLinks(database.db, federates.items)).filter((e) => e.links.federatedAccountId);
    expect(federate).toBeDefined();
    const around = await allEvents(database.db, {
      filters: { from: new Date(federate!.eventTime.getTime() - 60_000), to: new Date(federate!.eventTime.getTime() + 3 * 3_600_000) },
    });

    // When they are grouped, naming Identity Store ids from the snapshot
    const linked = await findEventLinks(database.db, around);
    const people = await findIdcPeople(database.db, snapshotId, { userIds: linked.flatMap((e) => e.links.identityCenterUserId ?? []) });
    const names = new Map(people.map((person) => [person.userId, person.userName]));
    const items = groupSignInSessions(linked, (id) => names.get(id) ?? null);

    // Then the Federate's session holds its AssumeRoleWithSAML and every call made with the credentials it issued
    const sessions = items.flatMap((item) => (item.kind === "session" ? [item.session] : []));
    const session = sessions.find((s) => s.events.some((e) => e.eventId === federate!.eventId)) as SignInSession;
    expect(session).toBeDefined();
    const userName = names.get(federate!.links.identityCenterUserId!);
    expect(userName).toBeTruthy();
    expect(session.identityCenterUser).toBe(userName);
    expect(session.identityCenterUserId).toBe(federate!.links.identityCenterUserId);
    const saml = session.events.find((e) => e.eventName === "AssumeRoleWithSAML");
    expect(saml?.identityCenterUser).toBe(userName);
    expect(saml?.accountId).toBe(federate!.links.federatedAccountId);
    const chained = linked.filter((e) => e.links.callerKeyId !== null && e.links.callerKeyId === saml!.links.issuedKeyId);
    for (const event of chained) expect(session.events).toContainEqual(event);
    expect(session.start).toEqual(federate!.eventTime);
    expect(session.accountIds).toContain(federate!.links.federatedAccountId);
    // And no session mixes two people
    for (const s of sessions) {
      const persons = new Set(s.events.flatMap((e) => e.identityCenterUser ?? []));
      expect(persons.size, `session ${s.key}`).toBeLessThanOrEqual(1);
    }
    // And the grouping keeps every event exactly once
    const count = items.reduce((n, item) => n + (item.kind === "session" ? item.session.events.length : 1), 0);
    expect(count).toBe(around.length);
  });
});
