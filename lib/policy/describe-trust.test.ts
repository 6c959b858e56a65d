import { describe, expect, it } from "vitest";
import { describeCondition, describeTrustPolicy, type TrustDirectory } from ".";

const PROD = "111122223333";
const DEV = "444455556666";
const OUTSIDE = "999988887777";
const PS_ARN = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";

const directory: TrustDirectory = {
  accountNames: new Map([
    [PROD, "prod"],
    [DEV, "dev"],
  ]),
  organizationId: "o-abc123",
  permissionSetArns: new Map([["AdministratorAccess", PS_ARN]]),
};

function trustOf(...statements: unknown[]) {
  return describeTrustPolicy({ Version: "2012-10-17", Statement: statements }, directory);
}

function allow(principal: unknown, extra: Record<string, unknown> = {}) {
  return { Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra };
}

describe("describeTrustPolicy: principals", () => {
  it("names accounts of the organization by name, by root ARN or bare id, and marks an outside account", () => {
    const { statements, trustedBy, outsideCount } = trustOf(
      allow({ AWS: [`arn:aws:iam::${PROD}:root`, DEV, `arn:aws:iam::${OUTSIDE}:root`] }),
    );
    expect(statements[0]!.principals).toEqual([
      { kind: "account", accountId: PROD, accountName: "prod", inOrganization: true },
      { kind: "account", accountId: DEV, accountName: "dev", inOrganization: true },
      { kind: "account", accountId: OUTSIDE, accountName: null, inOrganization: false },
    ]);
    expect(trustedBy).toBe("3 accounts (1 outside the organization)");
    expect(outsideCount).toBe(1);
  });

  it("reads a reserved SSO role (with or without a region in its path) as its permission set", () => {
    const withRegion = `arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef`;
    const unknownSet = `arn:aws:iam::${DEV}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Read_Only_fedcba9876543210`;
    const { statements, trustedBy } = trustOf(allow({ AWS: [withRegion, unknownSet] }));
    expect(statements[0]!.principals).toEqual([
      {
        kind: "permission-set",
        roleArn: withRegion,
        permissionSetName: "AdministratorAccess",
        permissionSetArn: PS_ARN,
        accountId: PROD,
        accountName: "prod",
        inOrganization: true,
      },
      expect.objectContaining({ kind: "permission-set", permissionSetName: "Read_Only", permissionSetArn: null, accountName: "dev" }),
    ]);
    expect(trustedBy).toBe("2 permission sets");
  });

  it("names roles, users, sessions, services, identity providers, deleted and unknown principals", () => {
    const { statements, trustedBy } = trustOf(
      allow({
        AWS: [
          `arn:aws:iam::${PROD}:role/team/Deployer`,
          `arn:aws:iam::${OUTSIDE}:user/ci`,
          `arn:aws:sts::${DEV}:assumed-role/Ops/alice`,
          "AROAEXAMPLEDELETED999",
          "not-a-principal",
        ],
        Service: ["ec2.amazonaws.com"],
        CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
      }),
      allow(
        { Federated: [`arn:aws:iam::${PROD}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`] },
        { Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"] },
      ),
      allow(
        { Federated: [`arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`, "cognito-identity.amazonaws.com"] },
        { Action: "sts:AssumeRoleWithWebIdentity" },
      ),
    );
    expect(statements[0]!.principals.map((p) => p.kind)).toEqual([
      "role",
      "user",
      "session",
      "deleted",
      "unrecognized",
      "service",
      "canonical-user",
    ]);
    expect(statements[0]!.principals[0]).toMatchObject({ name: "Deployer", accountName: "prod", inOrganization: true });
    expect(statements[0]!.principals[1]).toMatchObject({ name: "ci", inOrganization: false });
    expect(statements[0]!.principals[2]).toMatchObject({ name: "Ops/alice", accountName: "dev" });
    expect(statements[1]!.principals[0]).toMatchObject({ kind: "federated", protocol: "saml", isIdentityCenter: true });
    expect(statements[2]!.principals).toEqual([
      expect.objectContaining({
        kind: "federated",
        protocol: "oidc",
        name: "token.actions.githubusercontent.com",
        isIdentityCenter: false,
      }),
      { kind: "web-identity", provider: "cognito-identity.amazonaws.com" },
    ]);
    expect(trustedBy).toBe(
      "1 role, 1 user, 1 session, 1 service, 2 identity providers, 1 web identity provider, 1 deleted principal, 1 canonical user, 1 unrecognized principal (1 outside the organization)",
    );
  });

  it("reads `*` as anyone, in either form, and counts it once", () => {
    const { statements, trustedBy, outsideCount } = trustOf(allow("*"), allow({ AWS: "*" }));
    expect(statements.map((s) => s.principals)).toEqual([[{ kind: "anyone" }], [{ kind: "anyone" }]]);
    expect(trustedBy).toBe("anyone");
    expect(outsideCount).toBe(1);
  });

  it("counts the same principal named by two statements once", () => {
    expect(trustOf(allow({ AWS: PROD }), allow({ AWS: PROD })).trustedBy).toBe("1 account");
  });

  it("a policy without an Allow statement is trusted by nobody; junk is no statement", () => {
    expect(describeTrustPolicy(null, directory)).toEqual({ statements: [], trustedBy: "nobody", outsideCount: 0 });
    expect(describeTrustPolicy({ Statement: "junk" }, directory).trustedBy).toBe("nobody");
  });
});

describe("describeTrustPolicy: Deny and NotPrincipal", () => {
  it("a Deny is explained as overriding, and its principals are not counted as trusted", () => {
    const { statements, trustedBy } = trustOf(allow({ AWS: PROD }), { Effect: "Deny", Principal: { AWS: DEV }, Action: "sts:AssumeRole" });
    expect(statements[1]).toMatchObject({ effect: "Deny", exceptPrincipals: false });
    expect(statements[1]!.meaning).toBe("Denies sts:AssumeRole to the principals below; a Deny overrides any Allow.");
    expect(trustedBy).toBe("1 account");
  });

  it("Deny with NotPrincipal says only the listed principals can", () => {
    const { statements } = trustOf(allow({ AWS: PROD }), {
      Effect: "Deny",
      NotPrincipal: { AWS: `arn:aws:iam::${PROD}:role/Breakglass` },
      Action: "sts:AssumeRole",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } },
    });
    expect(statements[1]).toMatchObject({ effect: "Deny", exceptPrincipals: true });
    expect(statements[1]!.meaning).toBe(
      "Denies sts:AssumeRole to everyone except the principals below, only when every condition holds: whatever other statements allow, only they can.",
    );
  });

  it("Allow with NotPrincipal is everyone not listed: trusted by anyone, and the meaning warns", () => {
    const { statements, trustedBy } = trustOf({ Effect: "Allow", NotPrincipal: { AWS: DEV }, Action: "sts:AssumeRole" });
    expect(statements[0]!.meaning).toMatch(/^Allows everyone except the principals below sts:AssumeRole \(Allow with NotPrincipal/);
    expect(trustedBy).toBe("anyone");
  });

  it("NotAction is said as every action except", () => {
    const { statements } = trustOf({ Effect: "Allow", Principal: { AWS: PROD }, NotAction: "sts:TagSession" });
    expect(statements[0]).toMatchObject({ actions: ["sts:TagSession"], exceptActions: true });
    expect(statements[0]!.meaning).toBe("Allows the principals below every action except sts:TagSession.");
  });
});

describe("describeCondition", () => {
  const say = (operator: string, key: string, values: string[]) =>
    describeCondition({ operator, key, values }, { organizationId: "o-abc123" }).text;

  it.each([
    ["StringEquals", "sts:ExternalId", ["abc"], "sts:ExternalId equals 'abc'"],
    ["StringEquals", "sts:ExternalId", ["a", "b", "c"], "sts:ExternalId equals 'a', 'b' or 'c'"],
    ["StringNotEquals", "aws:PrincipalTag/team", ["ops"], "aws:PrincipalTag/team equals none of 'ops'"],
    ["StringLike", "sts:RoleSessionName", ["ci-*"], "sts:RoleSessionName matches 'ci-*'"],
    ["ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/Deploy*"], "caller ARN matches 'arn:aws:iam::*:role/Deploy*'"],
    ["StringEquals", "aws:PrincipalOrgID", ["o-abc123"], "aws:PrincipalOrgID is o-abc123 (this organization)"],
    ["StringEquals", "aws:PrincipalOrgID", ["o-other"], "aws:PrincipalOrgID is o-other"],
    ["Bool", "aws:MultiFactorAuthPresent", ["true"], "MFA present"],
    ["Bool", "aws:MultiFactorAuthPresent", ["false"], "MFA absent"],
    ["BoolIfExists", "aws:MultiFactorAuthPresent", ["false"], "MFA absent (when present)"],
    ["Null", "aws:MultiFactorAuthPresent", ["true"], "no MFA information (long-term credentials)"],
    ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], "MFA age < 3600 s"],
    ["IpAddress", "aws:SourceIp", ["10.0.0.0/8"], "source IP in 10.0.0.0/8"],
    ["NotIpAddress", "aws:SourceIp", ["10.0.0.0/8", "192.168.0.0/16"], "source IP not in 10.0.0.0/8 nor 192.168.0.0/16"],
    ["Bool", "aws:SecureTransport", ["true"], "over HTTPS"],
    ["DateLessThan", "aws:CurrentTime", ["2030-01-01T00:00:00Z"], "the time is before 2030-01-01T00:00:00Z"],
    ["StringEquals", "SAML:aud", ["https://signin.aws.amazon.com/saml"], "SAML audience equals 'https://signin.aws.amazon.com/saml'"],
    ["ForAnyValue:StringLike", "aws:TagKeys", ["env*"], "some value of aws:TagKeys matches 'env*'"],
    ["ForAllValues:StringEquals", "aws:TagKeys", ["env"], "every value of aws:TagKeys equals 'env'"],
    ["StringEqualz", "sts:ExternalId", ["x"], "sts:ExternalId StringEqualz 'x'"],
  ])("%s %s %j → %s", (operator, key, values, expected) => {
    expect(say(operator, key, values)).toBe(expected);
  });

  it("a huge condition is cut: the first values, then a count", () => {
    const values = Array.from({ length: 500 }, (_, i) => `id-${i}`);
    const text = say("StringEquals", "sts:ExternalId", values);
    expect(text).toMatch(/^sts:ExternalId equals 'id-0', 'id-1', .* 'id-9' or 490 more$/);
    expect(say("StringEquals", "sts:ExternalId", ["x".repeat(5000)]).length).toBeLessThan(300);
  });

  it("a statement's conditions come in words with their operator, key and values kept", () => {
    const { statements } = trustOf(
      allow({ AWS: `arn:aws:iam::${OUTSIDE}:root` }, { Condition: { StringEquals: { "sts:ExternalId": "abc" } } }),
    );
    expect(statements[0]!.conditions).toEqual([
      { operator: "StringEquals", key: "sts:ExternalId", values: ["abc"], text: "sts:ExternalId equals 'abc'" },
    ]);
    expect(statements[0]!.meaning).toBe("Allows the principals below sts:AssumeRole, only when every condition holds.");
  });
});
