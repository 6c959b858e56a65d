import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectOrganization, resolveAwsConfig } from "../aws";
import { startSimServer, type SimServer } from "../sim";
import { takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { AccessError, getAccessExplanation, getAwsConfig } from ".";
import { findAwsCliV2, listProfilesWithAwsCli } from "./testing/aws-cli-profiles";

/** The demo organization through the real SDK: its planted broken proxy chain, an SCP refusal, and working proxies. */
const database = useTestDatabase();
const GRACE = "grace.liu@acme-fintech.example";
const MIA = "mia.novak@acme-fintech.example";
const KENJI = "kenji.sato@acme-fintech.example";
const SETTINGS = { startUrl: null, ssoRegion: "eu-west-1", region: "eu-west-1" };
const AWS = findAwsCliV2();
const dir = mkdtempSync(join(tmpdir(), "vigil-explain-"));
let sim: SimServer;

const accountId = (name: string) => sim.state.accounts.find((a) => a.name === name)!.id;
const roleArn = (account: string, roleName: string) =>
  sim.state.iam.getOrThrow(accountId(account)).roles.find((r) => r.roleName === roleName)!.arn;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0 });
  const config = resolveAwsConfig({
    endpoint: sim.url,
    region: "us-east-1",
    credentials: async () => ({ accessKeyId: "AKIAVIGILTEST0000000", secretAccessKey: "test" }),
    credentialReport: { initialDelayMs: 0, maxDelayMs: 50 },
  });
  const snapshot = await takeSnapshot(database.db, {
    source: "LIVE",
    collect: (onProgress) => collectOrganization(config, { onProgress }),
  });
  expect(snapshot.status).toBe("COMPLETE");
}, 120_000);
afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("why can't I reach it? (demo organization)", () => {
  it("names the broken trust of the planted broken proxy chain: DataTeamRole in data-prod does not name the Data-Proxy role", async () => {
    // Given the planted problem
    const planted = sim.state.plantedProblems.find((p) => p.kind === "broken-proxy-chain")!;
    expect(planted.accountId).toBe(accountId("data-prod"));
    // When a data engineer asks why she cannot reach DataTeamRole in data-prod
    const explanation = await getAccessExplanation(database.db, { principal: GRACE, targetRoleArn: roleArn("data-prod", "DataTeamRole") });
    // Then the first missing link is the trust, on the chain through her Data-Proxy role in data-prod
    expect(explanation.reachable).toBe(false);
    expect(explanation.missing?.code).toBe("TRUST_DOES_NOT_NAME");
    expect(explanation.missing?.summary).toMatch(
      /trust policy of DataTeamRole does not name AWSReservedSSO_Data-Proxy_[0-9a-f]{16} \(permission set Data-Proxy\)/,
    );
    const labels = explanation.chain.map((s) => s.label);
    expect(labels).toEqual([
      GRACE,
      "data-engineers",
      "Data-Proxy",
      expect.stringMatching(/^AWSReservedSSO_Data-Proxy_/),
      "trust does not name it",
      "DataTeamRole",
    ]);
    expect(explanation.chain[3]!.accountId).toBe(accountId("data-prod"));
    // And the fragment is the trust statement that decides it (the bastion account), the fix names the reserved role
    expect(JSON.parse(explanation.missing!.fragment!.json)).toEqual([
      expect.objectContaining({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId("acme-bastion")}:root` } }),
    ]);
    expect(explanation.missing!.fix.cli).toMatch(/aws iam update-assume-role-policy --role-name DataTeamRole/);
    expect(explanation.missing!.fix.terraform).toContain(explanation.chain[3]!.arn!);
  });

  it("shows the path when access exists: a payments engineer reaches PaymentsTeamRole through Payments-Proxy", async () => {
    const explanation = await getAccessExplanation(database.db, {
      principal: MIA,
      targetRoleArn: roleArn("payments-prod", "PaymentsTeamRole"),
    });
    expect(explanation).toMatchObject({ reachable: true, missing: null });
    expect(explanation.chain.map((s) => s.kind)).toEqual(["IDC_USER", "IDC_GROUP", "PERMISSION_SET", "RESERVED_ROLE", "IAM_ROLE"]);
    expect(explanation.chain[2]!.label).toBe("Payments-Proxy");
  });

  it("names the SCP that denies, with its statement: a contractor's PowerUserAccess into SandboxAdmin", async () => {
    const explanation = await getAccessExplanation(database.db, {
      principal: KENJI,
      targetRoleArn: roleArn("acme-sandbox", "SandboxAdmin"),
    });
    expect(explanation.missing?.code).toBe("SCP_DENIES");
    expect(explanation.missing?.summary).toMatch(/SCP DenyAdminRoleAssumption over account \d{12} denies sts:AssumeRole/);
    expect(JSON.parse(explanation.missing!.fragment!.json)).toMatchObject({ Sid: "DenyAssumeAdminRoles", Effect: "Deny" });
    expect(explanation.missing!.fix.cli).toMatch(/aws organizations update-policy --policy-id p-/);
  });

  it("says which assignment is missing when the proxy exists but is not assigned: a data engineer into PaymentsTeamRole", async () => {
    const explanation = await getAccessExplanation(database.db, {
      principal: GRACE,
      targetRoleArn: roleArn("payments-dev", "PaymentsTeamRole"),
    });
    expect(explanation.missing?.code).toBe("NO_ASSIGNMENT");
    expect(explanation.missing?.summary).toMatch(/no assignment of Payments-Proxy on account \d{12} \(payments-dev\)/);
    expect(explanation.missing!.fix.cli).toMatch(/aws sso-admin create-account-assignment .*--principal-type USER/);
  });

  it("refuses an unknown role and a non-ARN target by name", async () => {
    await expect(
      getAccessExplanation(database.db, { principal: GRACE, targetRoleArn: "arn:aws:iam::123456789012:role/Nope" }),
    ).rejects.toThrow(/no role "arn:aws:iam::123456789012:role\/Nope" in this snapshot/);
    await expect(getAccessExplanation(database.db, { principal: GRACE, targetRoleArn: "DataTeamRole" })).rejects.toThrow(AccessError);
  });
});

describe("get me there (demo organization)", () => {
  it("a payments engineer's config has a chained profile for her proxy role per account, and the AWS CLI lists every profile", async () => {
    const file = await getAwsConfig(database.db, { principal: MIA }, SETTINGS);
    const chained = file.profiles.filter((p) => p.kind === "chained");
    expect(chained.map((p) => [p.name, p.roleArn])).toEqual(
      ["payments-dev", "payments-prod", "payments-staging"].map((account) => [
        `${account}.paymentsteamrole`,
        roleArn(account, "PaymentsTeamRole"),
      ]),
    );
    expect(file.text).toContain(
      `[profile payments-prod.paymentsteamrole]\nsource_profile = payments-prod.payments-proxy\nrole_arn = ${roleArn("payments-prod", "PaymentsTeamRole")}\n`,
    );
    expect(file.text).toMatch(/# sso_start_url is the default portal URL of identity store d-[0-9a-f]{10}/);
    if (AWS) expect(listProfilesWithAwsCli(AWS, file.text, join(dir, "mia")).sort()).toEqual(file.profiles.map((p) => p.name).sort());
    else console.warn("skipped: AWS CLI v2 not installed (.ci/run installs Debian's awscli)");
  });

  it("a data engineer's config chains into DataTeamRole where the trust lets her, not in data-prod (the broken chain)", async () => {
    const file = await getAwsConfig(database.db, { principal: GRACE }, SETTINGS);
    const chained = file.profiles.filter((p) => p.kind === "chained").map((p) => p.name);
    expect(chained).toEqual(["data-dev.datateamrole", "data-staging.datateamrole"]);
    expect(file.profiles.map((p) => p.name)).toContain("data-prod.data-proxy");
  });

  it("an operator's bastion hop is a chained profile from the bastion sso profile", async () => {
    const operator = sim.state.identityCenter.groups.find((g) => g.displayName === "bastion-operators")!;
    const member = sim.state.identityCenter.memberships.find((m) => m.groupId === operator.groupId)!;
    const user = sim.state.identityCenter.users.find((u) => u.userId === member.userId)!;
    const file = await getAwsConfig(database.db, { principal: user.userName }, SETTINGS);
    const hop = file.profiles.find((p) => p.kind === "chained" && p.roleArn === roleArn("payments-prod", "AssumableAdmin"));
    expect(hop).toMatchObject({ name: "payments-prod.assumableadmin", sourceProfile: "acme-bastion.bastionoperator" });
  });
});
