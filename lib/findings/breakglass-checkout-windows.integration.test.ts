import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database";
import { registerCredential } from "../vault";
import { useTestVaultKeyring } from "../vault/testing";
import { DEFAULT_FINDING_SETTINGS } from "./findings-settings";
import { loadFindingEvents } from "./load-finding-events";
import { breakglassUsedWithoutCheckout } from "./rules/breakglass-used-without-checkout";
import { AS_OF, baseState, makeIamUser, MEMBER, ruleInput } from "./testing/rule-input";

const database = useTestDatabase();
useTestVaultKeyring();

const USER = "breakglass-admin";
const ARN = `arn:aws:iam::${MEMBER}:user/${USER}`;
const hoursBefore = (hours: number) => new Date(AS_OF.getTime() - hours * 3_600_000);

function stateWithBreakglassUser() {
  const state = baseState();
  state.iamByAccount[MEMBER]!.users.push(makeIamUser(MEMBER, USER, { tags: { "vigil:purpose": "break-glass" } }));
  return state;
}

async function trailEvent(eventId: string, at: Date) {
  await database.db.cloudTrailEvent.create({
    data: {
      eventId,
      accountId: MEMBER,
      eventTime: at,
      eventName: "ListBuckets",
      eventSource: "s3.amazonaws.com",
      actorType: "IAMUser",
      actorArn: ARN,
      actorUserName: USER,
      actorAccountId: MEMBER,
      success: true,
      raw: {},
      source: "LOOKUP_EVENTS",
    },
  });
}

/** A checkout of the user revealed `fromHours` before the as-of and returned `toHours` before it. */
async function checkoutWindow(fromHours: number, toHours: number, revealedLateMs = 0) {
  const credential = await registerCredential(
    database.db,
    { accountId: MEMBER, iamUserName: USER, maxCheckoutMinutes: 600, password: "Pw-123456789!" },
    { actor: { type: "system", name: "test" } },
  );
  const from = new Date(hoursBefore(fromHours).getTime() + revealedLateMs);
  await database.db.checkout.create({
    data: {
      credentialId: credential.id,
      status: "ROTATED",
      requesterId: "u-op",
      requesterName: "olga",
      reason: "outage",
      reference: "INC-1",
      durationMinutes: 600,
      requestedAt: from,
      requestExpiresAt: from,
      revealedAt: from,
      expiresAt: new Date(from.getTime() + 600 * 60_000),
      endedAt: hoursBefore(toHours),
    },
  });
}

async function evaluate() {
  const state = stateWithBreakglassUser();
  const events = await loadFindingEvents(database.db, { state, asOf: AS_OF, settings: DEFAULT_FINDING_SETTINGS, lookbackDays: 90 });
  return breakglassUsedWithoutCheckout.evaluate(ruleInput(state, { events }));
}

describe("BREAKGLASS_USED_WITHOUT_CHECKOUT and checkout windows", () => {
  beforeEach(async () => {
    await database.db.cloudTrailEvent.deleteMany();
    await database.db.checkout.deleteMany();
    await database.db.vaultSecret.deleteMany();
    await database.db.breakglassCredential.deleteMany();
  });

  it("activity inside an approved checkout window raises nothing", async () => {
    await checkoutWindow(10, 2);
    await trailEvent("in-1", hoursBefore(9));
    await trailEvent("in-2", hoursBefore(3));
    expect(await evaluate()).toEqual([]);
  });

  it("an event in the reveal's own second is inside the window (CloudTrail times are whole seconds)", async () => {
    await checkoutWindow(10, 2, 700);
    await trailEvent("same-second", hoursBefore(10));
    expect(await evaluate()).toEqual([]);
  });

  it("activity after the window closed is a finding naming only the events outside it", async () => {
    await checkoutWindow(10, 5);
    await trailEvent("in-1", hoursBefore(9));
    await trailEvent("after-1", hoursBefore(4));
    const [finding, ...rest] = await evaluate();
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "BREAKGLASS_USED_WITHOUT_CHECKOUT", severity: "critical", evidence: { events: 1 } });
    expect((finding!.evidence.recentEvents as Array<{ eventId: string }>).map((e) => e.eventId)).toEqual(["after-1"]);
  });

  it("activity before the reveal is outside the window even if the checkout was already requested", async () => {
    await checkoutWindow(10, 5);
    await trailEvent("before-1", hoursBefore(11));
    expect((await evaluate())[0]?.evidence).toMatchObject({ events: 1 });
  });

  it("without any checkout every event counts", async () => {
    await trailEvent("x-1", hoursBefore(9));
    await trailEvent("x-2", hoursBefore(3));
    expect((await evaluate())[0]?.evidence).toMatchObject({ events: 2 });
  });
});
