import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimServer, type SimServer } from "./index";
import { TEST_NOW } from "./testing/sim-client-config";

const run = promisify(execFile);

/** AWS CLI v2 (Debian's `awscli` package); v1 lacks --no-cli-pager. */
function findAwsCliV2(): string | undefined {
  for (const candidate of ["/usr/bin/aws", "aws"]) {
    try {
      if (execFileSync(candidate, ["--version"], { encoding: "utf8" }).startsWith("aws-cli/2")) return candidate;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const AWS = findAwsCliV2();
let server: SimServer;

// Asynchronous on purpose: a synchronous child would block the in-process server it talks to.
async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(AWS as string, ["--endpoint-url", server.url, "--no-cli-pager", "--output", "json", ...args], {
    // A clean environment so a developer's AWS profile cannot leak in; PATH lets the CLI find python.
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      HOME: "/nonexistent",
      AWS_CONFIG_FILE: "/nonexistent/config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
      AWS_ACCESS_KEY_ID: "AKIAVIGILCLITEST0001",
      AWS_SECRET_ACCESS_KEY: "cli-test-secret",
      AWS_DEFAULT_REGION: "eu-west-1",
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

// CI installs Debian's awscli (.ci/run), so there the test must run; a developer without it may skip.
describe.skipIf(AWS === undefined && !process.env.CI)("AWS CLI v2 against the simulator", () => {
  beforeAll(async () => {
    server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  });
  afterAll(() => server?.close());

  it("lists every account of the organization", async () => {
    const out = (await aws("organizations", "list-accounts")) as { Accounts: Array<{ Id: string; Name: string }> };
    expect(out.Accounts.map((a) => a.Id)).toEqual(server.state.accounts.map((a) => a.id));
  });

  it("reads IAM authorization details with decoded policy documents", async () => {
    const out = (await aws("iam", "get-account-authorization-details")) as {
      RoleDetailList: Array<{ RoleName: string; AssumeRolePolicyDocument: { Statement: Array<{ Principal: Record<string, unknown> }> } }>;
      UserDetailList: Array<{ UserName: string }>;
    };
    const iam = server.state.iam.getOrThrow("210987654321");
    expect(out.RoleDetailList.map((r) => r.RoleName)).toEqual(iam.roles.map((r) => r.roleName));
    expect(out.UserDetailList.map((u) => u.UserName)).toEqual(["breakglass-admin"]);
    // botocore URL-decodes and parses the documents itself.
    const reserved = out.RoleDetailList.find((r) => r.RoleName.startsWith("AWSReservedSSO_"));
    expect(reserved?.AssumeRolePolicyDocument.Statement[0]?.Principal.Federated).toMatch(
      /saml-provider\/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE$/,
    );
  });

  it("lists service control policies and reads one with its targets", async () => {
    const listed = (await aws("organizations", "list-policies", "--filter", "SERVICE_CONTROL_POLICY")) as {
      Policies: Array<{ Id: string; Name: string; AwsManaged: boolean }>;
    };
    expect(listed.Policies.map((p) => p.Id)).toEqual(server.state.serviceControlPolicies.map((p) => p.id));
    const denyAdmin = listed.Policies.find((p) => p.Name === "DenyAdminRoleAssumption");
    const described = (await aws("organizations", "describe-policy", "--policy-id", denyAdmin?.Id as string)) as {
      Policy: { Content: string };
    };
    expect(JSON.parse(described.Policy.Content).Statement[0].Action).toBe("sts:AssumeRole");
    const targets = (await aws("organizations", "list-targets-for-policy", "--policy-id", denyAdmin?.Id as string)) as {
      Targets: Array<{ Name: string; Type: string }>;
    };
    expect(targets.Targets.map((t) => t.Name)).toEqual(["Sandbox", "Dev"]);
  });

  it("lists permission sets of the instance", async () => {
    const instanceArn = server.state.identityCenter.instance.instanceArn;
    const out = (await aws("sso-admin", "list-permission-sets", "--instance-arn", instanceArn)) as { PermissionSets: string[] };
    expect(out.PermissionSets).toEqual(server.state.identityCenter.permissionSets.map((p) => p.arn));
  });

  it("looks up CloudTrail events with the botocore target prefix", async () => {
    const out = (await aws(
      "cloudtrail",
      "lookup-events",
      "--lookup-attributes",
      "AttributeKey=EventName,AttributeValue=Federate",
      "--max-items",
      "5",
    )) as {
      Events: Array<{ EventName: string; CloudTrailEvent: string }>;
    };
    expect(out.Events).toHaveLength(5);
    const expected = server.state.cloudTrail
      .list("210987654321", "eu-west-1")
      .filter((e) => e.eventName === "Federate")
      .slice(0, 5)
      .map((e) => e.eventId);
    expect(out.Events.map((e) => JSON.parse(e.CloudTrailEvent).eventID)).toEqual(expected);
  });
});
