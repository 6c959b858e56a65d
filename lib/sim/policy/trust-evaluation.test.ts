import { describe, expect, it } from "vitest";
import { evaluateTrustPolicy, type TrustCaller } from "./trust-evaluation";
import type { PolicyDocument } from "./policy-document";

const ROLE = "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Ops_0123456789abcdef";

function makeCaller(overrides: Partial<TrustCaller> = {}): TrustCaller {
  return {
    accountId: "111111111111",
    principalArns: [ROLE, "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Ops_0123456789abcdef/alice"],
    context: new Map([
      ["aws:principalarn", ROLE],
      ["aws:principalaccount", "111111111111"],
    ]),
    ...overrides,
  };
}

const allow = (principal: unknown, condition?: unknown): PolicyDocument =>
  ({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) },
    ],
  }) as PolicyDocument;

describe("trust policy evaluation", () => {
  it("allows the account root principal for any principal of that account", () => {
    expect(evaluateTrustPolicy(allow("arn:aws:iam::111111111111:root"), makeCaller()).isAllowed).toBe(true);
    expect(evaluateTrustPolicy(allow("111111111111"), makeCaller()).isAllowed).toBe(true);
    expect(evaluateTrustPolicy(allow("222222222222"), makeCaller()).isAllowed).toBe(false);
  });

  it("matches an exact role ARN and never a dangling unique id", () => {
    expect(evaluateTrustPolicy(allow([ROLE]), makeCaller()).isAllowed).toBe(true);
    expect(evaluateTrustPolicy(allow("AROAABCDEFGHIJKLMNOPQ"), makeCaller()).isAllowed).toBe(false);
  });

  it("applies ArnLike on aws:PrincipalArn", () => {
    const cond = { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Ops_*" } };
    expect(evaluateTrustPolicy(allow("arn:aws:iam::111111111111:root", cond), makeCaller()).isAllowed).toBe(true);
    const other = { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/Other" } };
    expect(evaluateTrustPolicy(allow("arn:aws:iam::111111111111:root", other), makeCaller()).isAllowed).toBe(false);
  });

  it("requires sts:ExternalId when the condition names it", () => {
    const cond = { StringEquals: { "sts:ExternalId": "vendor-123" } };
    expect(evaluateTrustPolicy(allow("*", cond), makeCaller()).isAllowed).toBe(false);
    const withId = makeCaller();
    withId.context.set("sts:externalid", "vendor-123");
    expect(evaluateTrustPolicy(allow("*", cond), withId).isAllowed).toBe(true);
  });

  it("lets an explicit deny win over an allow", () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" },
        { Effect: "Deny", Principal: "*", Action: "sts:*", Condition: { StringNotEquals: { "aws:PrincipalAccount": "999999999999" } } },
      ],
    } as PolicyDocument;
    expect(evaluateTrustPolicy(doc, makeCaller())).toEqual({ isAllowed: false, reason: "explicit-deny" });
  });

  it("ignores statements for other actions and federated principals", () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/AWSSSO_x_DO_NOT_DELETE" },
          Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
        },
        { Effect: "Allow", Principal: { AWS: ROLE }, Action: "sts:TagSession" },
      ],
    } as PolicyDocument;
    expect(evaluateTrustPolicy(doc, makeCaller()).isAllowed).toBe(false);
  });
});
