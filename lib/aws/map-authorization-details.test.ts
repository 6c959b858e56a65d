import { describe, expect, it } from "vitest";
import { mapAuthorizationDetails, type RoleDetailInput } from "./map-authorization-details";
import { toIsoDateTime } from "./wire-values";

const ACCT = "111122223333";
const TRUST = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
};
const INLINE = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

function makeRole(overrides: Partial<RoleDetailInput>): RoleDetailInput {
  return {
    Arn: `arn:aws:iam::${ACCT}:role/app`,
    RoleName: "app",
    RoleId: "AROAEXAMPLE",
    Path: "/",
    Tags: [{ Key: "team", Value: "core" }],
    ...overrides,
  };
}

describe("mapAuthorizationDetails", () => {
  it("maps the SDK's role (Dates, URL-encoded documents) and the CLI's (ISO text, objects) to the same role", () => {
    const sdk = makeRole({
      CreateDate: new Date("2024-03-01T10:00:00Z"),
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(TRUST)),
      RolePolicyList: [{ PolicyName: "read", PolicyDocument: encodeURIComponent(JSON.stringify(INLINE)) }],
      RoleLastUsed: { LastUsedDate: new Date("2024-05-01T00:00:00Z"), Region: "eu-west-1" },
    });
    const cli = makeRole({
      CreateDate: "2024-03-01T10:00:00+00:00",
      AssumeRolePolicyDocument: TRUST,
      RolePolicyList: [{ PolicyName: "read", PolicyDocument: INLINE }],
      RoleLastUsed: { LastUsedDate: 1714521600, Region: "eu-west-1" },
    });
    const listed = [{ Arn: `arn:aws:iam::${ACCT}:role/app`, MaxSessionDuration: 3600, Description: null }];

    const fromSdk = mapAuthorizationDetails(ACCT, { RoleDetailList: [sdk] }, listed).roles[0];
    const fromCli = mapAuthorizationDetails(ACCT, { RoleDetailList: [cli] }, listed).roles[0];

    expect(fromCli).toEqual(fromSdk);
    expect(fromSdk).toMatchObject({
      createdAt: "2024-03-01T10:00:00.000Z",
      lastUsedAt: "2024-05-01T00:00:00.000Z",
      trustPolicy: TRUST,
      inlinePolicies: [{ name: "read", document: INLINE, rawDocument: JSON.stringify(INLINE) }],
      maxSessionDuration: 3600,
      description: null,
      tags: { team: "core" },
    });
  });

  it("leaves session limits null when ListRoles was not read", () => {
    const [role] = mapAuthorizationDetails(ACCT, { RoleDetailList: [makeRole({})] }, undefined).roles;
    expect(role).toMatchObject({ maxSessionDuration: null, description: null, createdAt: null });
  });
});

describe("toIsoDateTime", () => {
  it("reads epoch seconds given as a number or as digits, and ISO text, as UTC", () => {
    expect(toIsoDateTime(1714521600)).toBe("2024-05-01T00:00:00.000Z");
    expect(toIsoDateTime("1714521600")).toBe("2024-05-01T00:00:00.000Z");
    expect(toIsoDateTime("2024-05-01T02:00:00+02:00")).toBe("2024-05-01T00:00:00.000Z");
  });

  it("gives null for an absent value or text that is not a timestamp", () => {
    expect(toIsoDateTime(undefined)).toBeNull();
    expect(toIsoDateTime(null)).toBeNull();
    expect(toIsoDateTime("yesterday")).toBeNull();
  });
});
