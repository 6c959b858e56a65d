import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OrgInventory } from "../aws";
import { buildTrustGraph } from "../graph";
import { awsConfigSession, findAccessPaths, planAwsConfigProfiles, renderAwsConfig, resolveAccessSubject, type AwsConfigProfile } from ".";
import { profileNamePart, uniqueNames } from "./aws-config-names";
import { findAwsCliV2, findBotocorePython, listProfilesWithAwsCli, loadWithBotocore } from "./testing/aws-cli-profiles";
import { ADMIN_PS, DEEP_ROLE, DEV, PROD, TEAM_ROLE, accessInventory } from "./testing/access-inventory";

const HOSTILE = "Evil\n[profile pwned]\nrole_arn = arn:aws:iam::999999999999:role/x ]=";
const SETTINGS = { startUrl: "https://d-1234567890.awsapps.com/start", ssoRegion: "eu-west-1", region: "eu-west-1" };
const dir = mkdtempSync(join(tmpdir(), "vigil-aws-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function configFor(state: OrgInventory, principal: string): Promise<{ text: string; profiles: AwsConfigProfile[] }> {
  const graph = await buildTrustGraph(state);
  const { paths } = findAccessPaths(graph, resolveAccessSubject(state, graph, principal));
  const profiles = planAwsConfigProfiles(paths, new Map(state.accounts.map((a) => [a.id, a.name])));
  const text = renderAwsConfig({
    header: ["test config"],
    session: awsConfigSession(state.identityCenter?.instance ?? null, SETTINGS),
    profiles,
    region: "eu-west-1",
    roleSessionName: principal,
  });
  return { text, profiles };
}

const AWS = findAwsCliV2();
const BOTOCORE = findBotocorePython();
const sections = (text: string) => text.split("\n").filter((line) => line.startsWith("["));

describe("profile names", () => {
  it("are lower-case, keep only [a-z0-9._-], and never start with - or .", () => {
    expect(profileNamePart("Payments-Prod")).toBe("payments-prod");
    expect(profileNamePart("=cmd|' /C calc'!A0")).toBe("cmd-c-calc-a0");
    expect(profileNamePart("-leading.dash")).toBe("leading.dash");
    expect(profileNamePart("[x]\n")).toBe("x");
    expect(profileNamePart("日本")).toBe("unnamed");
    expect(profileNamePart("a".repeat(200))).toHaveLength(64);
  });

  it("collisions get -2, -3 in the order given, skipping names already taken", () => {
    expect(uniqueNames(["a.b", "a.b", "a.b-2", "a.b"])).toEqual(["a.b", "a.b-2", "a.b-2-2", "a.b-3"]);
  });
});

describe("AWS CLI config for a person", () => {
  it("writes an sso-session, a profile per account × permission set and a chained profile per hop, each from the previous", async () => {
    // Given alice → Admin in prod → TeamRole → DeepRole (two hops)
    const state = accessInventory();
    const prodName = state.accounts.find((a) => a.id === PROD)!.name;
    const devName = state.accounts.find((a) => a.id === DEV)!.name;
    // When her config is written
    const { text, profiles } = await configFor(state, "alice");
    // Then the session, the sso profile and both chained hops are there
    const admin = `${profileNamePart(prodName)}.admin`;
    const team = `${profileNamePart(prodName)}.teamrole`;
    const deep = `${profileNamePart(devName)}.deeprole`;
    expect(profiles.map((p) => p.name)).toEqual([admin, team, deep]);
    expect(text).toContain(
      "[sso-session vigil]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n",
    );
    expect(text).toContain(
      `[profile ${admin}]\nsso_session = vigil\nsso_account_id = ${PROD}\nsso_role_name = Admin\nregion = eu-west-1\n`,
    );
    expect(text).toContain(`[profile ${team}]\nsource_profile = ${admin}\nrole_arn = ${TEAM_ROLE}\nrole_session_name = alice\n`);
    expect(text).toContain(`[profile ${deep}]\nsource_profile = ${team}\nrole_arn = ${DEEP_ROLE}\n`);
  });

  it("makes colliding names unique deterministically, whatever the order of the paths", async () => {
    // Given two accounts with the same name, both assigned to alice's group
    const state = accessInventory();
    for (const account of state.accounts) account.name = "Shared Name";
    state.identityCenter!.assignments.push({
      key: `${DEV}|${ADMIN_PS}|GROUP|g-devs`,
      accountId: DEV,
      permissionSetArn: ADMIN_PS,
      principalType: "GROUP",
      principalId: "g-devs",
    });
    const first = await configFor(state, "alice");
    state.identityCenter!.assignments.reverse();
    const second = await configFor(state, "alice");
    // Then each account gets its own name, the lower account id first, the same both times
    expect(first.text).toBe(second.text);
    const sso = first.profiles.filter((p) => p.kind === "sso");
    expect(sso.map((p) => [p.name, p.accountId])).toEqual([
      ["shared-name.admin", PROD],
      ["shared-name.admin-2", DEV],
    ]);
    expect(new Set(first.profiles.map((p) => p.name)).size).toBe(first.profiles.length);
  });

  it("a hostile account or permission set name cannot add a line or a section", async () => {
    const state = accessInventory();
    state.accounts.find((a) => a.id === PROD)!.name = HOSTILE;
    state.identityCenter!.permissionSets.find((p) => p.arn === ADMIN_PS)!.name = "Admin]\n[default";
    const { text } = await configFor(state, "alice");
    // The permission set name is a value: it cannot be written, so the sso profile and the hops after it are left out, said once.
    expect(sections(text)).toEqual(["[sso-session vigil]"]);
    expect(text).not.toContain("pwned");
    expect(text).toMatch(/# left out \(a name or value that cannot be written safely\): 222222222222 \/ Admin\]\?\[default/);
    // With a normal permission set name, the hostile account name only shapes profile names and comments.
    state.identityCenter!.permissionSets.find((p) => p.arn === ADMIN_PS)!.name = "Admin";
    const again = await configFor(state, "alice");
    const evil = "evil-profile-pwned-role_arn-arn-aws-iam-999999999999-role-x";
    expect(sections(again.text)).toEqual([
      "[sso-session vigil]",
      `[profile ${evil}.admin]`,
      `[profile ${evil}.teamrole]`,
      `[profile ${profileNamePart(state.accounts.find((a) => a.id === DEV)!.name)}.deeprole]`,
    ]);
    if (AWS) expect(listProfilesWithAwsCli(AWS, again.text, join(dir, "hostile"))).toHaveLength(3);
    for (const line of again.text.split("\n")) expect(line === "" || /^(#|\[|[a-z_]+ = \S+$)/.test(line)).toBe(true);
  });

  it("says in a comment when the start URL is a placeholder or derived from the identity store", () => {
    const placeholder = awsConfigSession(null, { startUrl: null, ssoRegion: null, region: null });
    expect(placeholder.startUrl).toBe("https://YOUR-PORTAL.awsapps.com/start");
    expect(placeholder.notes.join("\n")).toMatch(/sso_start_url is a PLACEHOLDER.*VIGIL_SSO_START_URL/);
    expect(placeholder.notes.join("\n")).toMatch(/sso_region is a PLACEHOLDER/);
    const derived = awsConfigSession(
      {
        instanceArn: "arn:aws:sso:::instance/ssoins-1",
        identityStoreId: "d-0123456789",
        ownerAccountId: null,
        name: null,
        status: null,
        createdAt: null,
      },
      { startUrl: null, ssoRegion: "eu-west-1", region: null },
    );
    expect(derived).toMatchObject({ startUrl: "https://d-0123456789.awsapps.com/start", region: "eu-west-1" });
    expect(derived.notes).toEqual([expect.stringMatching(/default portal URL of identity store d-0123456789/)]);
  });

  it.runIf(AWS)("parses with the AWS CLI: list-profiles lists every profile", async () => {
    const { text, profiles } = await configFor(accessInventory(), "alice");
    expect(listProfilesWithAwsCli(AWS!, text, join(dir, "config")).sort()).toEqual(profiles.map((p) => p.name).sort());
  });

  it.runIf(BOTOCORE)("botocore's config loader reads each profile's keys and the sso-session", async () => {
    const { text, profiles } = await configFor(accessInventory(), "alice");
    const file = join(dir, "botocore");
    writeFileSync(file, text);
    const loaded = loadWithBotocore(BOTOCORE!, file);
    expect(loaded.sso_sessions.vigil).toEqual({
      sso_start_url: "https://d-1234567890.awsapps.com/start",
      sso_region: "eu-west-1",
      sso_registration_scopes: "sso:account:access",
    });
    for (const profile of profiles) {
      expect(loaded.profiles[profile.name]).toEqual(
        profile.kind === "sso"
          ? { sso_session: "vigil", sso_account_id: profile.accountId, sso_role_name: profile.permissionSet, region: "eu-west-1" }
          : { source_profile: profile.sourceProfile, role_arn: profile.roleArn, role_session_name: "alice", region: "eu-west-1" },
      );
    }
  });

  it.skipIf(AWS)("parses with the AWS CLI (skipped: no AWS CLI v2 on this machine; .ci/run installs Debian's awscli)", () => {});
});
