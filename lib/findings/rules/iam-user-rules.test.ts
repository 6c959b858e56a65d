import { describe, expect, it } from "vitest";
import type { CredentialReportRow, OrgInventory } from "../../aws";
import { makeCredentialRow } from "../../snapshot/testing/make-inventory";
import { DEFAULT_FINDING_SETTINGS } from "../findings-settings";
import { AS_OF, baseState, daysBefore, makeIamUser, MEMBER, ruleInput } from "../testing/rule-input";
import { consoleWithoutMfa } from "./console-without-mfa";
import { orphanedIamUser } from "./orphaned-iam-user";
import { rootAccessKey } from "./root-access-key";
import { staleAccessKey } from "./stale-access-key";

function withUser(
  state: OrgInventory,
  userName: string,
  user: Parameters<typeof makeIamUser>[2] = {},
  row: Partial<CredentialReportRow> | null = {},
): OrgInventory {
  const iam = state.iamByAccount[MEMBER];
  if (!iam?.credentialReport) throw new Error("fixture has no member account");
  iam.users.push(makeIamUser(MEMBER, userName, user));
  if (row) iam.credentialReport.rows.push({ ...makeCredentialRow(MEMBER, userName), ...row });
  return state;
}

const key = (overrides: Partial<CredentialReportRow["accessKeys"][0]>) => ({
  active: true,
  lastRotatedAt: daysBefore(10),
  lastUsedAt: null,
  lastUsedRegion: null,
  lastUsedService: null,
  ...overrides,
});
const noKey = { active: false, lastRotatedAt: null, lastUsedAt: null, lastUsedRegion: null, lastUsedService: null };

describe("ORPHANED_IAM_USER", () => {
  it("fires for a user whose last sign-in and key use are over 90 days old, saying so", () => {
    const state = withUser(
      baseState(),
      "old-bot",
      {},
      { passwordLastUsedAt: daysBefore(200), accessKeys: [key({ lastUsedAt: daysBefore(120) }), noKey] },
    );
    const [finding] = orphanedIamUser.evaluate(ruleInput(state));
    expect(finding).toMatchObject({
      rule: "ORPHANED_IAM_USER",
      severity: "medium",
      accountId: MEMBER,
      resourceArn: `arn:aws:iam::${MEMBER}:user/old-bot`,
    });
    expect(finding?.evidence.reasons).toEqual([{ reason: "no-activity", lastActivityAt: daysBefore(120) }]);
  });

  it("fires for a never-used user older than 90 days, and not for a never-used user created last month", () => {
    const state = withUser(baseState(), "never", { createdAt: daysBefore(100) });
    withUser(state, "new-hire", { createdAt: daysBefore(30) });
    const findings = orphanedIamUser.evaluate(ruleInput(state));
    expect(findings.map((f) => f.resourceArn)).toEqual([`arn:aws:iam::${MEMBER}:user/never`]);
    expect(findings[0]?.evidence.reasons).toEqual([{ reason: "never-used", createdAt: daysBefore(100) }]);
  });

  it("fires when the owner tag (any key case) names no active Identity Center user, even if the user is active", () => {
    const state = withUser(
      baseState(),
      "svc",
      { tags: { Owner: "carol@example.com" } },
      { accessKeys: [key({ lastUsedAt: daysBefore(1) }), noKey] },
    );
    const [finding] = orphanedIamUser.evaluate(ruleInput(state));
    expect(finding?.evidence.reasons).toEqual([{ reason: "owner-not-found", ownerTag: { key: "Owner", value: "carol@example.com" } }]);
  });

  it("near miss: an owner that is an active user by email or user name, and a disabled owner fires", () => {
    const state = withUser(
      baseState(),
      "svc-a",
      { tags: { owner: "ALICE@example.com" } },
      { accessKeys: [key({ lastUsedAt: daysBefore(1) }), noKey] },
    );
    withUser(state, "svc-b", { tags: { OWNER: "bob" } }, { passwordLastUsedAt: daysBefore(89) });
    expect(orphanedIamUser.evaluate(ruleInput(state))).toEqual([]);
    const bob = state.identityCenter?.users.find((u) => u.userName === "bob");
    if (bob) bob.status = "DISABLED";
    expect(orphanedIamUser.evaluate(ruleInput(state)).map((f) => f.resourceArn)).toEqual([`arn:aws:iam::${MEMBER}:user/svc-b`]);
  });

  it("never judges owners when Identity Center users were not fully read", () => {
    const state = withUser(baseState(), "svc", { tags: { owner: "carol" } }, { passwordLastUsedAt: daysBefore(1) });
    state.coverage.identityCenter.users = "PARTIAL";
    expect(orphanedIamUser.evaluate(ruleInput(state))).toEqual([]);
  });

  it("near miss: break-glass and automation users (vigil:purpose tag, value in any case, or settings) are never orphaned", () => {
    const state = withUser(baseState(), "bg", { tags: { "vigil:purpose": "Break-Glass" }, createdAt: daysBefore(800) });
    withUser(state, "ci", { tags: { "vigil:purpose": "AUTOMATION" }, createdAt: daysBefore(800) });
    withUser(state, "ops", { createdAt: daysBefore(800) });
    withUser(state, "wrong-key", { tags: { purpose: "break-glass" }, createdAt: daysBefore(800) });
    const settings = { ...DEFAULT_FINDING_SETTINGS, automationUsers: ["ops"] };
    expect(orphanedIamUser.evaluate(ruleInput(state, { settings })).map((f) => f.resourceArn)).toEqual([
      `arn:aws:iam::${MEMBER}:user/wrong-key`,
    ]);
  });

  it("measures 90 days from the snapshot's as-of, not the wall clock", () => {
    const state = withUser(baseState(), "u", {}, { passwordLastUsedAt: "2020-01-01T00:00:00.000Z" });
    expect(orphanedIamUser.evaluate(ruleInput(state, { asOf: new Date("2020-02-01T00:00:00.000Z") }))).toEqual([]);
    expect(orphanedIamUser.evaluate(ruleInput(state, { asOf: AS_OF }))).toHaveLength(1);
  });
});

describe("STALE_ACCESS_KEY", () => {
  it("fires for an active key rotated over 90 days ago, one finding per key slot", () => {
    const state = withUser(
      baseState(),
      "u",
      {},
      { accessKeys: [key({ lastRotatedAt: daysBefore(400) }), key({ lastRotatedAt: daysBefore(91) })] },
    );
    const findings = staleAccessKey.evaluate(ruleInput(state));
    expect(findings.map((f) => f.evidence.keySlot)).toEqual(["access_key_1", "access_key_2"]);
    expect(findings[0]).toMatchObject({ severity: "medium", resourceArn: `arn:aws:iam::${MEMBER}:user/u` });
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it("near miss: a key unused for months but rotated last week is not stale; an old inactive key is not either", () => {
    const state = withUser(
      baseState(),
      "u",
      {},
      {
        accessKeys: [
          key({ lastRotatedAt: daysBefore(7), lastUsedAt: daysBefore(200) }),
          key({ active: false, lastRotatedAt: daysBefore(900) }),
        ],
      },
    );
    expect(staleAccessKey.evaluate(ruleInput(state))).toEqual([]);
  });
});

describe("CONSOLE_WITHOUT_MFA", () => {
  it("fires for a user with a console password and no MFA", () => {
    const state = withUser(baseState(), "u", {}, { passwordEnabled: true, mfaActive: false });
    expect(consoleWithoutMfa.evaluate(ruleInput(state))).toMatchObject([
      { rule: "CONSOLE_WITHOUT_MFA", severity: "high", evidence: { credentialReport: { mfa_active: false } } },
    ]);
  });

  it("near miss: password with MFA, or MFA unknown, or no password", () => {
    const state = withUser(baseState(), "a", {}, { passwordEnabled: true, mfaActive: true });
    withUser(state, "b", {}, { passwordEnabled: false, mfaActive: false });
    withUser(state, "c", {}, { passwordEnabled: true, mfaActive: null });
    expect(consoleWithoutMfa.evaluate(ruleInput(state))).toEqual([]);
  });
});

describe("ROOT_ACCESS_KEY", () => {
  it("fires when the root row has an active key", () => {
    const state = baseState();
    const root = state.iamByAccount[MEMBER]?.credentialReport?.rows[0];
    if (root) root.accessKeys[1] = key({ lastRotatedAt: daysBefore(3) });
    expect(rootAccessKey.evaluate(ruleInput(state))).toMatchObject([
      { severity: "critical", resourceArn: `arn:aws:iam::${MEMBER}:root`, accountId: MEMBER },
    ]);
  });

  it("near miss: an inactive root key, or an active key of a user", () => {
    const state = withUser(baseState(), "u", {}, { accessKeys: [key({}), noKey] });
    const root = state.iamByAccount[MEMBER]?.credentialReport?.rows[0];
    if (root) root.accessKeys[0] = key({ active: false });
    expect(rootAccessKey.evaluate(ruleInput(state))).toEqual([]);
  });
});
