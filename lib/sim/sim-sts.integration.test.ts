import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { GetRoleCommand, ListRolesCommand, IAMClient } from "@aws-sdk/client-iam";
import { startSimServer, type SimServer } from "./index";
import { credentialsOf, errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;
let admin: STSClient;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  admin = new STSClient(simClientConfig(server));
});
afterAll(() => server.close());

const reservedArn = (accountId: string, psName: string) =>
  server.state.iam.getOrThrow(accountId).roles.find((r) => r.roleName.startsWith(`AWSReservedSSO_${psName}_`))?.arn as string;

describe("STS AssumeRole through the real SDK", () => {
  it("lets the management account into a member account that trusts its root", async () => {
    const out = await admin.send(
      new AssumeRoleCommand({
        RoleArn: "arn:aws:iam::590123456780:role/OrganizationAccountAccessRole",
        RoleSessionName: "vigil",
        DurationSeconds: 3600,
      }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe("arn:aws:sts::590123456780:assumed-role/OrganizationAccountAccessRole/vigil");
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    const who = await new STSClient(simClientConfig(server, { credentials: credentialsOf(out) })).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe("590123456780");
    expect(who.UserId).toMatch(/^AROA[A-Z2-7]{17}:vigil$/);
  });

  it("denies a role whose trust policy does not name the caller", async () => {
    const error = await errorOf(
      admin.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/team/PaymentsTeamRole", RoleSessionName: "vigil" })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toContain("is not authorized to perform: sts:AssumeRole");
  });

  it("denies a role that does not exist and a reserved SSO role (SAML-only trust)", async () => {
    expect(
      (await errorOf(admin.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/Nope", RoleSessionName: "vigil" })))).name,
    ).toBe("AccessDenied");
    expect(
      (
        await errorOf(
          admin.send(new AssumeRoleCommand({ RoleArn: reservedArn("590123456780", "AdministratorAccess"), RoleSessionName: "vigil" })),
        )
      ).name,
    ).toBe("AccessDenied");
  });

  it("follows a role chain and rejects chained sessions longer than one hour", async () => {
    // Given a session as the bastion operator's reserved role (registered key), which AssumableAdmin trusts via ArnLike
    const bastionRole = reservedArn("334567890124", "BastionOperator");
    server.admin.registerCredential({
      accessKeyId: "AKIATESTBASTIONOPER1",
      accountId: "334567890124",
      roleName: bastionRole.split("/").pop() as string,
    });
    const operator = new STSClient(simClientConfig(server, { credentials: { accessKeyId: "AKIATESTBASTIONOPER1", secretAccessKey: "x" } }));
    // When it chains into AssumableAdmin for 1 hour it succeeds
    const hop = await operator.send(
      new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/AssumableAdmin", RoleSessionName: "amelia", DurationSeconds: 3600 }),
    );
    expect(hop.AssumedRoleUser?.Arn).toBe("arn:aws:sts::590123456780:assumed-role/AssumableAdmin/amelia");
    // Then asking for more than an hour is a ValidationError
    const tooLong = await errorOf(
      operator.send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::590123456780:role/AssumableAdmin",
          RoleSessionName: "amelia",
          DurationSeconds: 3601,
        }),
      ),
    );
    expect(tooLong.name).toBe("ValidationError");
    expect(tooLong.message).toContain("1 hour session limit for roles assumed by role chaining");
    // And a chained session (AssumableAdmin) cannot go on to a role that trusts only the management root
    const chained = new STSClient(simClientConfig(server, { credentials: credentialsOf(hop) }));
    expect(
      (
        await errorOf(
          chained.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::501234567891:role/VigilAuditRole", RoleSessionName: "probe" })),
        )
      ).name,
    ).toBe("AccessDenied");
  });

  it("refuses a non-operator principal of the bastion account through the ArnLike condition", async () => {
    server.admin.registerCredential({ accessKeyId: "AKIATESTBASTIONAUDIT", accountId: "334567890124", roleName: "VigilAuditRole" });
    const other = new STSClient(simClientConfig(server, { credentials: { accessKeyId: "AKIATESTBASTIONAUDIT", secretAccessKey: "x" } }));
    expect(
      (
        await errorOf(
          other.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/AssumableAdmin", RoleSessionName: "probe" })),
        )
      ).name,
    ).toBe("AccessDenied");
  });

  it("enforces the role's MaxSessionDuration for first-hop sessions", async () => {
    const error = await errorOf(
      admin.send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::590123456780:role/VigilAuditRole",
          RoleSessionName: "vigil",
          DurationSeconds: 7200,
        }),
      ),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toContain("MaxSessionDuration");
  });

  it("requires the external id a vendor role pins", async () => {
    server.admin.registerCredential({ accessKeyId: "AKIATESTVENDORKEY001", accountId: "345678901235", userName: "ci-deployer" });
    server.admin.setTrustPolicy("345678901235", "DatadogIntegrationRole", {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::345678901235:root" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": "4f8e2a1c9b7d4e3f" } },
        },
      ],
    });
    const vendor = new STSClient(simClientConfig(server, { credentials: { accessKeyId: "AKIATESTVENDORKEY001", secretAccessKey: "x" } }));
    const arn = "arn:aws:iam::345678901235:role/DatadogIntegrationRole";
    expect((await errorOf(vendor.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "dd" })))).name).toBe("AccessDenied");
    expect(
      (await vendor.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "dd", ExternalId: "4f8e2a1c9b7d4e3f" }))).AssumedRoleUser
        ?.Arn,
    ).toContain("DatadogIntegrationRole/dd");
  });

  it("shows a deleted trusted role as its unique id and stops honouring it", async () => {
    const proxy = server.state.iam.getOrThrow("478901234568").roles.find((r) => r.roleName.startsWith("AWSReservedSSO_Payments-Proxy_"));
    server.admin.deleteRole("478901234568", proxy?.roleName as string);
    const assumed = await admin.send(
      new AssumeRoleCommand({ RoleArn: "arn:aws:iam::478901234568:role/VigilAuditRole", RoleSessionName: "vigil" }),
    );
    const iam = new IAMClient(simClientConfig(server, { credentials: credentialsOf(assumed) }));
    const team = await iam.send(new GetRoleCommand({ RoleName: "PaymentsTeamRole" }));
    expect(JSON.parse(decodeURIComponent(team.Role?.AssumeRolePolicyDocument as string)).Statement[0].Principal.AWS).toBe(proxy?.roleId);
  });

  it("denies AssumeRole into, and every call from, an account under an access-denied fault", async () => {
    const assumed = await admin.send(
      new AssumeRoleCommand({ RoleArn: "arn:aws:iam::501234567891:role/VigilAuditRole", RoleSessionName: "vigil" }),
    );
    server.admin.setFaults({ accessDeniedAccounts: ["501234567891"] });
    try {
      expect(
        (
          await errorOf(
            admin.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::501234567891:role/VigilAuditRole", RoleSessionName: "vigil" })),
          )
        ).name,
      ).toBe("AccessDenied");
      const iam = new IAMClient(simClientConfig(server, { credentials: credentialsOf(assumed) }));
      expect((await errorOf(iam.send(new ListRolesCommand({})))).name).toBe("AccessDenied");
    } finally {
      server.admin.setFaults({});
    }
  });
});
