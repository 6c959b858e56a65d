import { describe, expect, it } from "vitest";
import { changedResources, resourceKey } from "./trail-event-resources";

const ACCOUNT = "111122223333";

function record(eventSource: string, requestParameters: Record<string, unknown>, responseElements: Record<string, unknown> | null = null) {
  return { eventSource, awsRegion: "us-east-1", requestParameters, responseElements, recipientAccountId: ACCOUNT };
}

describe("changedResources", () => {
  it("names an IAM role by its path-less ARN in the account whose IAM changed", () => {
    const event = record("iam.amazonaws.com", { roleName: "TeamAdmin", policyDocument: "{}" });
    expect(changedResources(event, ACCOUNT)).toEqual([`arn:aws:iam::${ACCOUNT}:role/TeamAdmin`]);
  });

  it("names both the role and the policy of an AttachRolePolicy, an AWS-managed policy without its path", () => {
    const event = record("iam.amazonaws.com", { roleName: "R", policyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess" });
    expect(changedResources(event, ACCOUNT)).toEqual([`arn:aws:iam::${ACCOUNT}:role/R`, "arn:aws:iam::aws:policy/ViewOnlyAccess"]);
  });

  it("names both the user and the group of an AddUserToGroup", () => {
    const event = record("iam.amazonaws.com", { userName: "bob", groupName: "Admins" });
    expect(changedResources(event, ACCOUNT)).toEqual([`arn:aws:iam::${ACCOUNT}:group/Admins`, `arn:aws:iam::${ACCOUNT}:user/bob`]);
  });

  it("takes a created policy's ARN from the response", () => {
    const event = record("iam.amazonaws.com", { policyName: "P" }, { policy: { arn: `arn:aws:iam::${ACCOUNT}:policy/team/P` } });
    expect(changedResources(event, ACCOUNT)).toEqual([`arn:aws:iam::${ACCOUNT}:policy/P`]);
  });

  it("names the permission set, the account and the group of a CreateAccountAssignment", () => {
    const permissionSetArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";
    const event = record("sso.amazonaws.com", {
      instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef",
      targetId: "444455556666",
      targetType: "AWS_ACCOUNT",
      permissionSetArn,
      principalType: "GROUP",
      principalId: "9067d8a1-b2c3-4d5e-8f90-123456789abc",
    });
    expect(changedResources(event, ACCOUNT)).toEqual([
      "account/444455556666",
      permissionSetArn,
      "identitystore:group/9067d8a1-b2c3-4d5e-8f90-123456789abc",
    ]);
  });

  it("names the group and the user of a CreateGroupMembership", () => {
    const event = record("identitystore.amazonaws.com", { identityStoreId: "d-1234567890", groupId: "g-1", memberId: { userId: "u-1" } });
    expect(changedResources(event, ACCOUNT)).toEqual(["identitystore:group/g-1", "identitystore:user/u-1"]);
  });

  it("names the SCP and its target of an Organizations AttachPolicy", () => {
    const event = record("organizations.amazonaws.com", { policyId: "p-examplepolicyid111", targetId: "ou-exam-abcdefgh" });
    expect(changedResources(event, ACCOUNT)).toEqual(["organizations:ou/ou-exam-abcdefgh", "organizations:policy/p-examplepolicyid111"]);
  });

  it("names nothing for an event without resource parameters", () => {
    expect(changedResources(record("iam.amazonaws.com", {}), ACCOUNT)).toEqual([]);
    expect(changedResources({ eventSource: "iam.amazonaws.com", requestParameters: null }, ACCOUNT)).toEqual([]);
  });
});

describe("resourceKey", () => {
  it("drops an IAM path so a role found in the inventory matches the events that name it", () => {
    expect(
      resourceKey("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef"),
    ).toBe("arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123456789abcdef");
  });

  it("keeps other ARNs and keys as they are", () => {
    expect(resourceKey("arn:aws:sso:::permissionSet/ssoins-1/ps-1")).toBe("arn:aws:sso:::permissionSet/ssoins-1/ps-1");
    expect(resourceKey("identitystore:group/g-1")).toBe("identitystore:group/g-1");
    expect(resourceKey("444455556666")).toBe("account/444455556666");
  });
});
