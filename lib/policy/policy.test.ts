import { describe, expect, it } from "vitest";
import { classifyAwsPrincipal, conditionsOf, isCallerKey, isNarrowingKey, principalsOf, statementsOf } from ".";

describe("statementsOf", () => {
  it("takes Statement as one object or an array, and nothing else", () => {
    expect(statementsOf({ Statement: { Effect: "Allow" } })).toEqual([{ Effect: "Allow" }]);
    expect(statementsOf({ Statement: [{ Effect: "Allow" }, "junk", { Effect: "Deny" }] })).toHaveLength(2);
    expect(statementsOf({ Statement: "Allow" })).toEqual([]);
    expect(statementsOf(null)).toEqual([]);
  });
});

describe("classifyAwsPrincipal", () => {
  it.each([
    ["*", { kind: "any" }],
    ["123456789012", { kind: "account", accountId: "123456789012", form: "bare-id" }],
    ["arn:aws:iam::123456789012:root", { kind: "account", accountId: "123456789012", form: "root-arn" }],
    ["arn:aws-us-gov:iam::123456789012:root", { kind: "account", accountId: "123456789012", form: "root-arn" }],
    [
      "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0123456789abcdef",
      {
        kind: "role",
        arn: "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0123456789abcdef",
        accountId: "123456789012",
        name: "AWSReservedSSO_Dev_0123456789abcdef",
      },
    ],
    [
      "arn:aws:iam::123456789012:user/ci",
      { kind: "user", arn: "arn:aws:iam::123456789012:user/ci", accountId: "123456789012", name: "ci" },
    ],
    ["AROAJQABLZS4A3QDU576Q", { kind: "unique-id", id: "AROAJQABLZS4A3QDU576Q", prefix: "AROA" }],
    ["AIDAJQABLZS4A3QDU576Q", { kind: "unique-id", id: "AIDAJQABLZS4A3QDU576Q", prefix: "AIDA" }],
    ["12345678901", { kind: "unrecognized", value: "12345678901" }],
  ])("%s", (value, expected) => {
    expect(classifyAwsPrincipal(value)).toEqual(expected);
  });

  it("reads an assumed-role session ARN", () => {
    expect(classifyAwsPrincipal("arn:aws:sts::123456789012:assumed-role/Admin/alice")).toMatchObject({
      kind: "assumed-role",
      roleName: "Admin",
      sessionName: "alice",
    });
  });
});

describe("principalsOf", () => {
  it("reads `*`, strings, arrays and every principal type", () => {
    expect(principalsOf({ Principal: "*" })).toEqual({ negated: false, principals: [{ type: "*", value: "*", aws: { kind: "any" } }] });
    const named = principalsOf({
      Principal: {
        AWS: ["111111111111", "arn:aws:iam::222222222222:root"],
        Service: "ec2.amazonaws.com",
        Federated: "cognito-identity.amazonaws.com",
      },
    });
    expect(named.principals.map((p) => `${p.type}:${p.aws?.kind ?? p.value}`)).toEqual([
      "AWS:account",
      "AWS:account",
      "Service:ec2.amazonaws.com",
      "Federated:cognito-identity.amazonaws.com",
    ]);
  });

  it("marks NotPrincipal as negated", () => {
    expect(principalsOf({ NotPrincipal: { AWS: "arn:aws:iam::111111111111:user/x" } })).toMatchObject({
      negated: true,
      principals: [{ type: "AWS" }],
    });
  });
});

describe("conditions", () => {
  it("flattens operator blocks, values to strings", () => {
    expect(
      conditionsOf({ Condition: { Bool: { "aws:MultiFactorAuthPresent": true }, StringEquals: { "sts:ExternalId": ["a", "b"] } } }),
    ).toEqual([
      { operator: "Bool", key: "aws:MultiFactorAuthPresent", values: ["true"] },
      { operator: "StringEquals", key: "sts:ExternalId", values: ["a", "b"] },
    ]);
  });

  it("knows which keys the inventory decides and which narrow the principal", () => {
    expect(isCallerKey("aws:PrincipalArn")).toBe(true);
    expect(isCallerKey("aws:PrincipalTag/team")).toBe(true);
    expect(isCallerKey("sts:ExternalId")).toBe(false);
    expect(isCallerKey("aws:SourceIp")).toBe(false);
    expect(isNarrowingKey("aws:PrincipalOrgID")).toBe(true);
    expect(isNarrowingKey("sts:ExternalId")).toBe(false);
    expect(isNarrowingKey("aws:MultiFactorAuthPresent")).toBe(false);
  });
});
