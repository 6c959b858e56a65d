import { describe, expect, it } from "vitest";
import type { IamRole, OrgInventory, PolicyDocument } from "../../aws";
import { makeRole } from "../../snapshot/testing/make-inventory";
import { baseState, MANAGEMENT, MEMBER, OUTSIDER, ruleInput } from "../testing/rule-input";
import { trustDanglingPrincipal } from "./trust-dangling-principal";
import { trustExternalAccount } from "./trust-external-account";
import { trustWholeAccount } from "./trust-whole-account";
import { trustWildcard } from "./trust-wildcard";

const trust = (principal: unknown, condition?: Record<string, Record<string, unknown>>, effect = "Allow"): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [{ Effect: effect, Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
});

function withRole(state: OrgInventory, name: string, trustPolicy: PolicyDocument, overrides: Partial<IamRole> = {}): OrgInventory {
  state.iamByAccount[MEMBER]?.roles.push(makeRole(MEMBER, name, { trustPolicy, ...overrides }));
  return state;
}

const reservedSso = (trustPolicy: PolicyDocument): Partial<IamRole> => ({
  path: "/aws-reserved/sso.amazonaws.com/",
  identityCenter: { permissionSetName: "Admin", suffix: "0123456789abcdef", region: null, permissionSetArn: null },
  trustPolicy,
});

describe("TRUST_WILDCARD", () => {
  it("fires for Principal * and for {AWS: *} without a narrowing condition (a request-time condition does not narrow)", () => {
    const state = withRole(baseState(), "Open", trust("*"));
    withRole(state, "OpenAws", trust({ AWS: ["*"] }, { Bool: { "aws:MultiFactorAuthPresent": "true" } }));
    withRole(state, "Everyone-but", {
      Statement: { Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${MEMBER}:role/X` }, Action: "sts:AssumeRole" },
    });
    expect(trustWildcard.evaluate(ruleInput(state)).map((f) => [f.resourceArn.split("/")[1], f.severity])).toEqual([
      ["Open", "critical"],
      ["OpenAws", "critical"],
      ["Everyone-but", "critical"],
    ]);
  });

  it("near miss: * narrowed by aws:PrincipalOrgID or aws:PrincipalArn; a Deny *; a wildcard narrowed only by a * pattern still fires", () => {
    const state = withRole(baseState(), "Org", trust("*", { StringEquals: { "aws:PrincipalOrgID": "o-test" } }));
    withRole(state, "Arn", trust({ AWS: "*" }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${MEMBER}:role/ci-*` } }));
    withRole(state, "Deny", trust("*", undefined, "Deny"));
    withRole(state, "Fake", trust("*", { StringLike: { "aws:PrincipalArn": "*" } }));
    expect(trustWildcard.evaluate(ruleInput(state)).map((f) => f.resourceArn.split("/")[1])).toEqual(["Fake"]);
  });

  it("never fires for service-linked or AWSReservedSSO_ roles", () => {
    const state = withRole(baseState(), "AWSServiceRoleForX", trust("*"), {
      isServiceLinked: true,
      path: "/aws-service-role/x.amazonaws.com/",
    });
    withRole(state, "AWSReservedSSO_Admin_0123456789abcdef", trust("*"), reservedSso(trust("*")));
    expect(trustWildcard.evaluate(ruleInput(state))).toEqual([]);
    expect(trustWholeAccount.evaluate(ruleInput(state))).toEqual([]);
  });
});

describe("TRUST_WHOLE_ACCOUNT", () => {
  it("fires for an in-org account root and for a bare account id", () => {
    const state = withRole(baseState(), "Root", trust({ AWS: `arn:aws:iam::${MANAGEMENT}:root` }));
    withRole(state, "Bare", trust({ AWS: MANAGEMENT }));
    const findings = trustWholeAccount.evaluate(ruleInput(state));
    expect(findings.map((f) => [f.resourceArn.split("/")[1], f.evidence.form, f.severity])).toEqual([
      ["Root", "root-arn", "medium"],
      ["Bare", "bare-id", "medium"],
    ]);
  });

  it("near miss: an in-org root trust narrowed by aws:PrincipalArn or aws:PrincipalTag; a role ARN; an outside account (TRUST_EXTERNAL_ACCOUNT's)", () => {
    const state = withRole(
      baseState(),
      "Narrow",
      trust({ AWS: `arn:aws:iam::${MANAGEMENT}:root` }, { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${MANAGEMENT}:role/Ops` } }),
    );
    withRole(state, "Tagged", trust({ AWS: MANAGEMENT }, { StringEquals: { "aws:PrincipalTag/team": "ops" } }));
    withRole(state, "RoleArn", trust({ AWS: `arn:aws:iam::${MANAGEMENT}:role/Ops` }));
    withRole(state, "Outside", trust({ AWS: `arn:aws:iam::${OUTSIDER}:root` }));
    expect(trustWholeAccount.evaluate(ruleInput(state))).toEqual([]);
  });
  it("fires for * narrowed only by aws:PrincipalAccount to an account of the organization (every principal there matches)", () => {
    const state = withRole(baseState(), "StarToAccount", trust("*", { StringEquals: { "aws:PrincipalAccount": MANAGEMENT } }));
    withRole(state, "StarToOutsider", trust("*", { StringEquals: { "aws:PrincipalAccount": OUTSIDER } }));
    withRole(
      state,
      "StarToAccountRole",
      trust("*", {
        StringEquals: { "aws:PrincipalAccount": MANAGEMENT },
        ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${MANAGEMENT}:role/Ops` },
      }),
    );
    const findings = trustWholeAccount.evaluate(ruleInput(state));
    expect(findings.map((f) => [f.resourceArn.split("/")[1], f.evidence.trustedAccountId, f.evidence.form])).toEqual([
      ["StarToAccount", MANAGEMENT, "aws:PrincipalAccount"],
    ]);
  });
});

describe("TRUST_EXTERNAL_ACCOUNT", () => {
  it("is high for an outside account without sts:ExternalId and info with one", () => {
    const state = withRole(
      baseState(),
      "Vendor",
      trust({ AWS: `arn:aws:iam::${OUTSIDER}:root` }, { StringEquals: { "sts:ExternalId": "abc" } }),
    );
    withRole(state, "Open", trust({ AWS: [`arn:aws:iam::${OUTSIDER}:role/Deployer`] }));
    const findings = trustExternalAccount.evaluate(ruleInput(state));
    expect(findings.map((f) => [f.resourceArn.split("/")[1], f.severity, f.evidence.externalAccountId])).toEqual([
      ["Vendor", "info", OUTSIDER],
      ["Open", "high", OUTSIDER],
    ]);
  });

  it("is high when any statement lets the outside account in without the external id", () => {
    const state = withRole(baseState(), "Mixed", {
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: OUTSIDER },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": "abc" } },
        },
        { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OUTSIDER}:root` }, Action: "sts:AssumeRole" },
      ],
    });
    expect(trustExternalAccount.evaluate(ruleInput(state)).map((f) => f.severity)).toEqual(["high"]);
  });

  it("near miss: accounts of the organization, services, and unknown membership (organization not fully read)", () => {
    const state = withRole(baseState(), "InOrg", trust({ AWS: `arn:aws:iam::${MANAGEMENT}:role/Ops` }));
    withRole(state, "Svc", trust({ Service: "lambda.amazonaws.com" }));
    expect(trustExternalAccount.evaluate(ruleInput(state))).toEqual([]);
    withRole(state, "Outside", trust({ AWS: OUTSIDER }));
    state.coverage.organization = "PARTIAL";
    expect(trustExternalAccount.evaluate(ruleInput(state))).toEqual([]);
  });
});

describe("TRUST_DANGLING_PRINCIPAL", () => {
  it("fires for a trust naming a unique id (deleted role or user)", () => {
    const state = withRole(baseState(), "Legacy", trust({ AWS: ["AROAEXAMPLEDELETED01", `arn:aws:iam::${MANAGEMENT}:role/Ops`] }));
    expect(trustDanglingPrincipal.evaluate(ruleInput(state))).toMatchObject([
      { severity: "high", evidence: { uniqueId: "AROAEXAMPLEDELETED01", idPrefix: "AROA" } },
    ]);
  });

  it("near miss: ARNs only, and a reserved SSO role is never judged", () => {
    const state = withRole(baseState(), "Fine", trust({ AWS: `arn:aws:iam::${MANAGEMENT}:role/Ops` }));
    withRole(
      state,
      "AWSReservedSSO_Admin_0123456789abcdef",
      trust({ AWS: "AROAEXAMPLEDELETED01" }),
      reservedSso(trust({ AWS: "AROAEXAMPLEDELETED01" })),
    );
    expect(trustDanglingPrincipal.evaluate(ruleInput(state))).toEqual([]);
  });
});

describe("trust statements judged as AWS evaluates them (Deny, actions, narrowing keys)", () => {
  const inMember = (name: string) => `arn:aws:iam::${MEMBER}:role/${name}`;
  const memberRoot = `arn:aws:iam::${MEMBER}:root`;
  const statements = (...statement: unknown[]): PolicyDocument => ({ Version: "2012-10-17", Statement: statement });
  const allow = (
    principal: unknown,
    action: string | string[] = "sts:AssumeRole",
    condition?: Record<string, Record<string, unknown>>,
  ) => ({
    Effect: "Allow",
    Principal: principal,
    Action: action,
    ...(condition ? { Condition: condition } : {}),
  });
  const names = (findings: Array<{ resourceArn: string }>) => findings.map((f) => f.resourceArn.split("/")[1]).sort();

  it("a Deny refusing everyone but named roles (NotPrincipal or ArnNotEquals aws:PrincipalArn) narrows an account-root trust", () => {
    const state = withRole(
      baseState(),
      "DenyNotPrincipal",
      statements(allow({ AWS: memberRoot }), {
        Effect: "Deny",
        NotPrincipal: { AWS: [inMember("Ci"), memberRoot] },
        Action: "sts:AssumeRole",
      }),
    );
    withRole(
      state,
      "DenyUnless",
      statements(allow({ AWS: memberRoot }), {
        Effect: "Deny",
        Principal: "*",
        Action: "sts:*",
        Condition: { ArnNotEquals: { "aws:PrincipalArn": inMember("Ci") } },
      }),
    );
    withRole(state, "DenySame", statements(allow({ AWS: memberRoot }), { ...allow({ AWS: MEMBER }), Effect: "Deny" }));
    // near misses: a Deny of one principal, a Deny only under MFA, a Deny of another action leave the account in
    withRole(
      state,
      "DenyOne",
      statements(allow({ AWS: memberRoot }), {
        ...allow("*", "sts:AssumeRole", { ArnEquals: { "aws:PrincipalArn": inMember("Bad") } }),
        Effect: "Deny",
      }),
    );
    withRole(
      state,
      "DenyNoMfa",
      statements(allow({ AWS: memberRoot }), {
        ...allow("*", "sts:AssumeRole", { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }),
        Effect: "Deny",
      }),
    );
    withRole(state, "DenyTag", statements(allow({ AWS: memberRoot }), { ...allow({ AWS: MEMBER }, "sts:TagSession"), Effect: "Deny" }));
    expect(names(trustWholeAccount.evaluate(ruleInput(state)))).toEqual(["DenyNoMfa", "DenyOne", "DenyTag"]);
  });

  it("a Deny of everyone outside the organization narrows *; one naming another account does not", () => {
    const state = withRole(
      baseState(),
      "OrgOnly",
      statements(allow("*"), { ...allow("*", "sts:AssumeRole", { StringNotEquals: { "aws:PrincipalOrgID": "o-test" } }), Effect: "Deny" }),
    );
    withRole(state, "DenyOther", statements(allow("*"), { ...allow({ AWS: OUTSIDER }), Effect: "Deny" }));
    expect(names(trustWildcard.evaluate(ruleInput(state)))).toEqual(["DenyOther"]);
  });

  it("a statement that cannot grant sts:AssumeRole (sts:TagSession alone) is no trust finding", () => {
    const state = withRole(
      baseState(),
      "Split",
      statements(
        allow({ AWS: memberRoot }, "sts:AssumeRole", { ArnLike: { "aws:PrincipalArn": inMember("Ci") } }),
        allow({ AWS: memberRoot }, ["sts:TagSession", "sts:SetSourceIdentity"]),
      ),
    );
    withRole(state, "TagOnlyStar", statements(allow("*", "sts:TagSession")));
    withRole(state, "TagOnlyOutsider", statements(allow({ AWS: OUTSIDER }, "sts:TagSession")));
    const input = ruleInput(state);
    expect([...trustWholeAccount.evaluate(input), ...trustWildcard.evaluate(input), ...trustExternalAccount.evaluate(input)]).toEqual([]);
  });

  it("aws:PrincipalAccount / aws:PrincipalOrgID do not narrow an account root (every principal there shares them); negated or match-all PrincipalArn conditions do not either", () => {
    const state = withRole(baseState(), "Account", trust({ AWS: memberRoot }, { StringEquals: { "aws:PrincipalAccount": MEMBER } }));
    withRole(state, "Org", trust({ AWS: MEMBER }, { StringEquals: { "aws:PrincipalOrgID": "o-test" } }));
    withRole(state, "AllButOne", trust({ AWS: memberRoot }, { StringNotLike: { "aws:PrincipalArn": inMember("Bad*") } }));
    withRole(state, "MatchAll", trust({ AWS: memberRoot }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${MEMBER}:*` } }));
    withRole(state, "Narrow", trust({ AWS: memberRoot }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${MEMBER}:role/ci-*` } }));
    expect(names(trustWholeAccount.evaluate(ruleInput(state)))).toEqual(["Account", "AllButOne", "MatchAll", "Org"]);
  });

  it("sts:ExternalId pins an external account only with a value that must match (not Null, IfExists, ForAllValues, a negation or *)", () => {
    const external = `arn:aws:iam::${OUTSIDER}:root`;
    const state = withRole(baseState(), "Pinned", trust({ AWS: external }, { StringEquals: { "sts:ExternalId": "secret-1" } }));
    withRole(state, "Null", trust({ AWS: external }, { Null: { "sts:ExternalId": "false" } }));
    withRole(state, "IfExists", trust({ AWS: external }, { StringEqualsIfExists: { "sts:ExternalId": "secret-1" } }));
    withRole(state, "ForAll", trust({ AWS: external }, { "ForAllValues:StringEquals": { "sts:ExternalId": "secret-1" } }));
    withRole(state, "Not", trust({ AWS: external }, { StringNotEquals: { "sts:ExternalId": "wrong" } }));
    withRole(state, "Star", trust({ AWS: external }, { StringLike: { "sts:ExternalId": "*" } }));
    const bySeverity = trustExternalAccount
      .evaluate(ruleInput(state))
      .map((f) => `${f.resourceArn.split("/")[1]} ${f.severity}`)
      .sort();
    expect(bySeverity).toEqual(["ForAll high", "IfExists high", "Not high", "Null high", "Pinned info", "Star high"]);
  });
});
