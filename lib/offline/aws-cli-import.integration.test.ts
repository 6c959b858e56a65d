/**
 * The offline layout as a customer produces it: real `aws` CLI commands against the simulator,
 * saved to the documented paths, imported, and compared with a live snapshot of the same simulator.
 * Skips only when the CLI is absent outside CI (CI installs Debian's awscli).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectOrganization, createLimiter, mapLimited } from "../aws";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { startSimServer, type SimServer } from "../sim";
import { readSnapshotState, takeSnapshot } from "../snapshot";
import { stateFingerprint } from "../snapshot/testing/state-fingerprint";
import { useTestDatabase } from "../testing/use-test-database";
import { waitFor } from "../testing/wait-for";
import { importDirectory, LAYOUT } from ".";
import type { OrgInventory } from "../aws";

const run = promisify(execFile);
const HOST_KEY = { AWS_ACCESS_KEY_ID: "AKIAVIGILTESTHOST001", AWS_SECRET_ACCESS_KEY: "vigil-test-secret" };
const AUDIT_ROLE = "VigilAuditRole";
// Debian's AWS CLI v2 (what CI installs); a pip-installed v1 earlier on PATH is only the fallback.
const AWS_CLI = existsSync("/usr/bin/aws") ? "/usr/bin/aws" : "aws";

function awsCliVersion(): string | null {
  try {
    return execFileSync(AWS_CLI, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim() || "unknown";
  } catch {
    return null;
  }
}

const version = awsCliVersion();
// Test gating, not an application setting (lib/env.ts is for those): CI must never skip this test.
const isCi = Boolean(process.env.CI);
const describeCli = version === null && !isCi ? describe.skip : describe;

type Json = Record<string, unknown> & { [key: string]: unknown };

// Each CLI call is a Python start-up (~1 s): one shared bound keeps the machine busy but not thrashing.
const cliSlots = createLimiter(8);

function cli(endpoint: string, credentials: Record<string, string>) {
  // `--no-cli-pager` exists in CLI v2 only; v1 never pages.
  const pager = version?.startsWith("aws-cli/2") ? ["--no-cli-pager"] : [];
  return async (args: string[], opts: { allowError?: RegExp } = {}): Promise<Json | null> => {
    try {
      const { stdout } = await cliSlots(() =>
        run(AWS_CLI, ["--endpoint-url", endpoint, ...pager, "--output", "json", ...args], {
          env: {
            NODE_ENV: "test",
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? tmpdir(),
            AWS_DEFAULT_REGION: "us-east-1",
            AWS_EC2_METADATA_DISABLED: "true",
            ...credentials,
          },
          maxBuffer: 256 * 1024 * 1024,
          encoding: "utf8",
        }),
      );
      return stdout.trim() === "" ? {} : (JSON.parse(stdout) as Json);
    } catch (err) {
      const stderr = (err as { stderr?: string }).stderr ?? "";
      if (opts.allowError?.test(stderr)) return null;
      throw new Error(`aws ${args.join(" ")} failed: ${stderr || String(err)}`);
    }
  };
}

async function save(root: string, path: string, value: unknown): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), typeof value === "string" ? value : JSON.stringify(value, null, 2));
}

/** Produces every file of the layout with the AWS CLI, as the README tells a customer to. */
async function exportWithCli(endpoint: string, root: string): Promise<void> {
  await Promise.all([
    exportOrganizationAndIam(endpoint, root),
    exportIdentityCenter(endpoint, root),
    exportServiceControlPolicies(endpoint, root),
  ]);
}

async function exportServiceControlPolicies(endpoint: string, root: string): Promise<void> {
  const aws = cli(endpoint, HOST_KEY);
  const listed = (await aws(["organizations", "list-policies", "--filter", "SERVICE_CONTROL_POLICY"])) as {
    Policies: Array<{ Id: string }>;
  };
  await save(root, LAYOUT.listPolicies, listed);
  await mapLimited(listed.Policies, 8, async ({ Id: policyId }) => {
    const [described, targets] = await Promise.all([
      aws(["organizations", "describe-policy", "--policy-id", policyId]),
      aws(["organizations", "list-targets-for-policy", "--policy-id", policyId]),
    ]);
    await save(root, LAYOUT.describePolicy(policyId), described);
    await save(root, LAYOUT.policyTargets(policyId), targets);
  });
}

async function exportOrganizationAndIam(endpoint: string, root: string): Promise<void> {
  const aws = cli(endpoint, HOST_KEY);
  const org = (await aws(["organizations", "describe-organization"])) as { Organization: { MasterAccountId: string } };
  await save(root, LAYOUT.describeOrganization, org);
  const roots = (await aws(["organizations", "list-roots"])) as { Roots: Array<{ Id: string }> };
  await save(root, LAYOUT.listRoots, roots);
  const accounts = (await aws(["organizations", "list-accounts"])) as { Accounts: Array<{ Id: string; Status?: string; State?: string }> };
  await save(root, LAYOUT.listAccounts, accounts);

  let parents = roots.Roots.map((r) => r.Id);
  while (parents.length > 0) {
    const next: string[] = [];
    await mapLimited(parents, 8, async (parentId) => {
      const [ous, members] = (await Promise.all([
        aws(["organizations", "list-organizational-units-for-parent", "--parent-id", parentId]),
        aws(["organizations", "list-accounts-for-parent", "--parent-id", parentId]),
      ])) as [{ OrganizationalUnits: Array<{ Id: string }> }, Json];
      await save(root, LAYOUT.accountsForParent(parentId), members);
      await save(root, LAYOUT.ousForParent(parentId), ous);
      next.push(...ous.OrganizationalUnits.map((o) => o.Id));
    });
    parents = next;
  }
  const tags = mapLimited(accounts.Accounts, 12, async (a) =>
    save(root, LAYOUT.accountTags(a.Id), await aws(["organizations", "list-tags-for-resource", "--resource-id", a.Id])),
  );

  const management = org.Organization.MasterAccountId;
  const active = accounts.Accounts.filter((a) => (a.State ?? a.Status) === "ACTIVE");
  await mapLimited(active, 12, async ({ Id: accountId }) => {
    let credentials = HOST_KEY as Record<string, string>;
    if (accountId !== management) {
      const assumed = (await aws([
        "sts",
        "assume-role",
        "--role-arn",
        `arn:aws:iam::${accountId}:role/${AUDIT_ROLE}`,
        "--role-session-name",
        "vigil-cli-export",
      ])) as {
        Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
      };
      credentials = {
        AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
        AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
      };
    }
    const iam = cli(endpoint, credentials);
    const [details, roles] = await Promise.all([
      // AWSManagedPolicy adds the documents of the AWS-managed policies the account uses, at no extra call.
      iam(["iam", "get-account-authorization-details", "--filter", "Role", "User", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]),
      iam(["iam", "list-roles"]),
    ]);
    await save(root, LAYOUT.authorizationDetails(accountId), details);
    await save(root, LAYOUT.listRoles(accountId), roles);
    // Each probe is an AWS CLI process, seconds apiece on a busy machine: the bound is only a hang guard.
    await waitFor(
      `the credential report of ${accountId}`,
      async () => ((await iam(["iam", "generate-credential-report"])) as { State: string }).State === "COMPLETE",
      { timeoutMs: 300_000 },
    );
    const report = (await iam(["iam", "get-credential-report"])) as { Content: string; GeneratedTime: unknown };
    await save(root, LAYOUT.credentialReportCsv(accountId), Buffer.from(report.Content, "base64").toString("utf8"));
    await save(root, LAYOUT.getCredentialReport(accountId), { GeneratedTime: report.GeneratedTime, ReportFormat: "text/csv" });
  });
  await tags;
}

async function exportIdentityCenter(endpoint: string, root: string): Promise<void> {
  const aws = cli(endpoint, HOST_KEY);
  const instances = (await aws(["sso-admin", "list-instances"])) as { Instances: Array<{ InstanceArn: string; IdentityStoreId: string }> };
  await save(root, LAYOUT.listInstances, instances);
  const instance = instances.Instances[0];
  if (!instance) return;
  const store = ["--identity-store-id", instance.IdentityStoreId];
  const [users, groups] = (await Promise.all([
    aws(["identitystore", "list-users", ...store]),
    aws(["identitystore", "list-groups", ...store]),
  ])) as [Json, { Groups: Array<{ GroupId: string }> }];
  await save(root, LAYOUT.users, users);
  await save(root, LAYOUT.groups, groups);
  const memberships = await mapLimited(groups.Groups, 16, async (g) =>
    aws(["identitystore", "list-group-memberships", ...store, "--group-id", g.GroupId]),
  );
  await save(root, LAYOUT.groupMemberships, { GroupMemberships: memberships.flatMap((m) => (m?.GroupMemberships as unknown[]) ?? []) });

  const ids = ["--instance-arn", instance.InstanceArn];
  const sets = (await aws(["sso-admin", "list-permission-sets", ...ids])) as { PermissionSets: string[] };
  const assignments: unknown[] = [];
  await mapLimited(sets.PermissionSets, 16, async (arn) => {
    const ps = [...ids, "--permission-set-arn", arn];
    const [described, managed, customer, inline, boundary, tags, provisioned] = (await Promise.all([
      aws(["sso-admin", "describe-permission-set", ...ps]),
      aws(["sso-admin", "list-managed-policies-in-permission-set", ...ps]),
      aws(["sso-admin", "list-customer-managed-policy-references-in-permission-set", ...ps]),
      aws(["sso-admin", "get-inline-policy-for-permission-set", ...ps]),
      aws(["sso-admin", "get-permissions-boundary-for-permission-set", ...ps], { allowError: /ResourceNotFound/ }),
      aws(["sso-admin", "list-tags-for-resource", "--instance-arn", instance.InstanceArn, "--resource-arn", arn]),
      aws(["sso-admin", "list-accounts-for-provisioned-permission-set", ...ps]),
    ])) as [{ PermissionSet: { Name: string } }, Json | null, Json | null, Json | null, Json | null, Json | null, { AccountIds: string[] }];
    await save(root, LAYOUT.permissionSet(described.PermissionSet.Name), {
      PermissionSet: described.PermissionSet,
      AttachedManagedPolicies: managed?.AttachedManagedPolicies ?? [],
      CustomerManagedPolicyReferences: customer?.CustomerManagedPolicyReferences ?? [],
      InlinePolicy: inline?.InlinePolicy ?? "",
      ...(boundary?.PermissionsBoundary ? { PermissionsBoundary: boundary.PermissionsBoundary } : {}),
      Tags: tags?.Tags ?? [],
      AccountIds: provisioned.AccountIds ?? [],
    });
    const lists = await Promise.all(
      (provisioned.AccountIds ?? []).map((accountId) => aws(["sso-admin", "list-account-assignments", ...ps, "--account-id", accountId])),
    );
    for (const listed of lists) assignments.push(...((listed?.AccountAssignments as unknown[]) ?? []));
  });
  await save(root, LAYOUT.accountAssignments, { AccountAssignments: assignments });
}

/** The audit role is used by both reads, each at its own time: its last-use stamp is the one legitimate difference. */
function withoutAuditRoleUse(state: OrgInventory): OrgInventory {
  const copy = structuredClone(state);
  for (const iam of Object.values(copy.iamByAccount)) {
    for (const role of iam.roles) {
      if (role.roleName === AUDIT_ROLE) Object.assign(role, { lastUsedAt: null, lastUsedRegion: null });
    }
  }
  return copy;
}

/**
 * An older CLI (Debian's 2.9) parses with an older API model and silently drops response fields
 * added since (Identity Store UserStatus/CreatedAt, Identity Center instance Name/Status/CreatedAt).
 * The import then rightly records them as unknown (null); the live read is blanked to match, but
 * only for the fields the CLI's own output lacks.
 */
async function withoutFieldsTheCliDropped(state: OrgInventory, dir: string): Promise<OrgInventory> {
  const copy = structuredClone(state);
  const users = JSON.parse(await readFile(join(dir, LAYOUT.users), "utf8")) as { Users: Array<Record<string, unknown>> };
  const instances = JSON.parse(await readFile(join(dir, LAYOUT.listInstances), "utf8")) as { Instances: Array<Record<string, unknown>> };
  const idc = copy.identityCenter;
  if (!idc) return copy;
  if (!users.Users.some((user) => "UserStatus" in user)) for (const user of idc.users) user.status = null;
  const instance = instances.Instances[0] ?? {};
  if (!("Name" in instance)) idc.instance.name = null;
  if (!("Status" in instance)) idc.instance.status = null;
  if (!("CreatedDate" in instance)) idc.instance.createdAt = null;
  if (!("OwnerAccountId" in instance)) idc.instance.ownerAccountId = null;
  return copy;
}

describeCli(`vigil import of a directory written by the AWS CLI (${version ?? "aws CLI missing"})`, () => {
  const live = useTestDatabase();
  const imported = useTestDatabase();
  let sim: SimServer;
  let dir: string;

  beforeAll(async () => {
    if (version === null) throw new Error("the aws CLI is required in CI (apt-get install -y awscli)");
    sim = await startSimServer({ scenario: "demo", port: 0 });
    dir = await mkdtemp(join(tmpdir(), "vigil-aws-cli-"));
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives the same state as a live snapshot of the same organization", async () => {
    // Given the layout produced with real AWS CLI commands
    await exportWithCli(sim.url, dir);

    // When it is imported, and a live snapshot of the same simulator is taken
    const result = await importDirectory(imported.db, dir);
    const snapshot = await takeSnapshot(live.db, { source: "LIVE", collect: () => collectOrganization(makeSimAwsConfig(sim.url)) });

    // Then both hold the same entities
    expect(result.report.missing).toEqual([LAYOUT.cloudTrailDir + "/"]);
    expect(result.snapshot?.status).toBe(snapshot.status);
    const fromCli = withoutAuditRoleUse(await readSnapshotState(imported.db, result.snapshot!.id));
    const fromLive = await withoutFieldsTheCliDropped(withoutAuditRoleUse(await readSnapshotState(live.db, snapshot.id)), dir);
    const a = stateFingerprint(fromCli);
    const b = stateFingerprint(fromLive);
    expect(
      a.filter((line) => !b.includes(line)),
      "only in the CLI import",
    ).toEqual([]);
    expect(
      b.filter((line) => !a.includes(line)),
      "only in the live snapshot",
    ).toEqual([]);
    expect(a.length).toBeGreaterThan(100);
    expect(fromCli.serviceControlPolicies.length).toBeGreaterThan(0);
    expect(fromCli.awsManagedPolicies.length).toBeGreaterThan(0);
    expect(fromCli.awsManagedPolicies.every((p) => p.source === "iam")).toBe(true);
    expect(fromCli.coverage).toEqual(fromLive.coverage);
  }, 600_000);
});
