import { describe, expect, it } from "vitest";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { evaluateFindings } from "./evaluate-findings";
import { DEFAULT_FINDING_SETTINGS } from "./findings-settings";
import { baseState, makeIamUser, MEMBER } from "./testing/rule-input";

const database = useTestDatabase();

const USER = "breakglass-admin";
const ARN = `arn:aws:iam::${MEMBER}:user/${USER}`;

async function snapshotWithBreakglassUser(): Promise<number> {
  const state = baseState();
  state.iamByAccount[MEMBER]!.users.push(makeIamUser(MEMBER, USER, { tags: { "vigil:purpose": "break-glass" } }));
  const result = await takeSnapshot(database.db, { source: "LIVE", collect: async () => state });
  if (result.status === "FAILED") throw new Error(result.failure ?? "snapshot failed");
  return result.id;
}

describe("break-glass use outside a checkout", () => {
  it("queues one notification to every approver when the finding opens, none when it is only seen again", async () => {
    await database.db.cloudTrailEvent.create({
      data: {
        eventId: "use-1",
        accountId: MEMBER,
        eventTime: new Date(Date.now() - 3_600_000),
        eventName: "ConsoleLogin",
        eventSource: "signin.amazonaws.com",
        actorType: "IAMUser",
        actorArn: ARN,
        actorUserName: USER,
        actorAccountId: MEMBER,
        success: true,
        raw: {},
        source: "LOOKUP_EVENTS",
      },
    });
    const options = { settings: DEFAULT_FINDING_SETTINGS, baselines: null };

    await evaluateFindings(database.db, await snapshotWithBreakglassUser(), options);
    await evaluateFindings(database.db, await snapshotWithBreakglassUser(), options);

    const notifications = await database.db.notification.findMany({ where: { kind: "breakglass.used_outside_window" } });
    expect(notifications).toHaveLength(1);
    const finding = await database.db.finding.findFirstOrThrow({ where: { rule: "BREAKGLASS_USED_WITHOUT_CHECKOUT" } });
    expect(notifications[0]?.payload).toMatchObject({
      audience: "approvers",
      facts: { findingId: finding.id, resourceArn: ARN },
      link: expect.stringMatching(new RegExp(`/findings/${finding.id}$`)),
    });
  });
});
