import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "./policy-document";
import { evaluateScps, type ScpLevel } from "./scp-evaluation";

const FULL: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const DENY_ADMIN: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/*Admin*" }],
};

const level = (targetId: string, ...documents: PolicyDocument[]): ScpLevel => ({
  targetId,
  policies: documents.map((document, i) => ({ arn: `arn:${targetId}:${i}`, document })),
});

const request = (resource: string, action = "sts:AssumeRole", context = new Map<string, string>()) => ({ action, resource, context });
const ADMIN_ROLE = "arn:aws:iam::111111111111:role/SandboxAdmin";
const TEAM_ROLE = "arn:aws:iam::111111111111:role/team/PaymentsTeamRole";

describe("service control policy evaluation", () => {
  it("refuses on a matching deny at any level, naming the policy", () => {
    const levels = [level("r-root", FULL), level("ou-sandbox", FULL, DENY_ADMIN), level("111111111111", FULL)];
    expect(evaluateScps(levels, request(ADMIN_ROLE))).toEqual({ isAllowed: false, reason: "explicit-deny", policyArn: "arn:ou-sandbox:1" });
  });

  it("lets through a request the deny does not name (other role, other action)", () => {
    const levels = [level("r-root", FULL), level("ou-sandbox", FULL, DENY_ADMIN), level("111111111111", FULL)];
    expect(evaluateScps(levels, request(TEAM_ROLE))).toEqual({ isAllowed: true });
    expect(evaluateScps(levels, request(ADMIN_ROLE, "sts:TagSession"))).toEqual({ isAllowed: true });
  });

  it("needs an allow at every level: an OU allowing only S3 blocks AssumeRole below it", () => {
    const s3Only: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };
    const levels = [level("r-root", FULL), level("ou-data", s3Only), level("111111111111", FULL)];
    expect(evaluateScps(levels, request(TEAM_ROLE))).toEqual({ isAllowed: false, reason: "no-allow", targetId: "ou-data" });
    expect(evaluateScps(levels, request("arn:aws:s3:::bucket", "s3:GetObject"))).toEqual({ isAllowed: true });
  });

  it("applies conditions, NotAction and NotResource as IAM does", () => {
    const exemptBreakGlass: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          NotAction: ["iam:*", "sts:GetCallerIdentity"],
          NotResource: "arn:aws:iam::*:role/BreakGlass",
          Condition: { StringNotEquals: { "aws:PrincipalTag/purpose": "break-glass" } },
        },
      ],
    };
    const levels = [level("r-root", FULL, exemptBreakGlass), level("111111111111", FULL)];
    expect(evaluateScps(levels, request(TEAM_ROLE)).isAllowed).toBe(false);
    expect(evaluateScps(levels, request("arn:aws:iam::111111111111:role/BreakGlass")).isAllowed).toBe(true);
    expect(
      evaluateScps(levels, request(TEAM_ROLE, "sts:AssumeRole", new Map([["aws:principaltag/purpose", "break-glass"]]))).isAllowed,
    ).toBe(true);
  });
});
