import { describe, expect, it } from "vitest";
import type { TrustedPrincipal } from "@/lib/policy";
import { eventsHref, inventoryHref, parseAssignmentKey, principalHref, trustedPrincipalHref } from "./inventory-links";

const PS = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";

describe("inventory links", () => {
  it("a role ARN (with a path) links to the role's page, its name encoded", () => {
    expect(inventoryHref("arn:aws:iam::111122223333:role/team/Admin+Ops")).toBe(
      "/iam/roles/detail?arn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fteam%2FAdmin%2BOps",
    );
  });

  it("an IAM user ARN links to the user's page; a root ARN to its account", () => {
    expect(inventoryHref("arn:aws:iam::111122223333:user/ci/ci-bot")).toBe(
      "/iam/users/detail?arn=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fci%2Fci-bot",
    );
    expect(inventoryHref("arn:aws:iam::111122223333:root")).toBe("/accounts/111122223333");
    expect(inventoryHref("arn:aws-us-gov:iam::111122223333:root")).toBe("/accounts/111122223333");
  });

  it("permission sets, account ids and assignment keys link; other ARNs, partial ids and junk do not", () => {
    expect(inventoryHref(PS)).toBe(`/permission-sets/detail?arn=${encodeURIComponent(PS)}`);
    expect(inventoryHref("111122223333")).toBe("/accounts/111122223333");
    expect(inventoryHref(`111122223333|${PS}|GROUP|g-1`)).toBe(`/permission-sets/detail?arn=${encodeURIComponent(PS)}`);
    expect(inventoryHref("11112222333")).toBeNull();
    expect(inventoryHref("arn:aws:s3:::bucket")).toBeNull();
    expect(inventoryHref("arn:aws:iam::111122223333:role/")).toBeNull();
    expect(inventoryHref("javascript:alert(1)")).toBeNull();
  });

  it("an assignment key splits into its parts; anything else is not one", () => {
    expect(parseAssignmentKey(`111122223333|${PS}|USER|u-1`)).toEqual({
      accountId: "111122223333",
      permissionSetArn: PS,
      principalType: "USER",
      principalId: "u-1",
    });
    expect(parseAssignmentKey(`111122223333|${PS}|ROLE|u-1`)).toBeNull();
  });

  it("a group and a person link by their Identity Store id, encoded", () => {
    expect(principalHref("GROUP", "906744a7-g")).toBe("/identity-center/groups/906744a7-g");
    expect(principalHref("USER", "9067-a/b")).toBe("/identity-center/users/9067-a%2Fb");
  });

  it("an event links to the events page on its UTC day, dropping an account id that is not one", () => {
    expect(eventsHref({ actor: "arn:aws:iam::111122223333:user/bg", accountId: "111122223333", at: "2025-03-04T23:59:00Z" })).toBe(
      "/events?actor=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fbg&accountId=111122223333&from=2025-03-04&to=2025-03-04",
    );
    expect(eventsHref({ accountId: "oops", eventName: "AssumeRole", at: "not a date" })).toBe("/events?eventName=AssumeRole");
  });

  describe("a principal read from a policy or an event", () => {
    const inOrg = { accountId: "111122223333", accountName: "prod", inOrganization: true };
    const outside = { accountId: "999988887777", accountName: null, inOrganization: false };
    const role = "arn:aws:iam::111122223333:role/Deployer";
    const reserved = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef";

    it.each<[string, TrustedPrincipal, string | null]>([
      ["an account of the organization", { kind: "account", ...inOrg }, "/accounts/111122223333"],
      ["a role", { kind: "role", arn: role, name: "Deployer", ...inOrg }, `/iam/roles/detail?arn=${encodeURIComponent(role)}`],
      [
        "a reserved SSO role, to its permission set",
        { kind: "permission-set", roleArn: reserved, permissionSetName: "Admin", permissionSetArn: PS, ...inOrg },
        `/permission-sets/detail?arn=${encodeURIComponent(PS)}`,
      ],
      [
        "a reserved SSO role of an unknown permission set, to the role",
        { kind: "permission-set", roleArn: reserved, permissionSetName: "Gone", permissionSetArn: null, ...inOrg },
        `/iam/roles/detail?arn=${encodeURIComponent(reserved)}`,
      ],
      [
        "an IAM user",
        { kind: "user", arn: "arn:aws:iam::111122223333:user/ci", name: "ci", ...inOrg },
        "/iam/users/detail?arn=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fci",
      ],
      [
        "a role session, to its role by name in its account",
        {
          kind: "session",
          arn: "arn:aws:sts::111122223333:assumed-role/Ops/alice",
          name: "Ops/alice",
          roleName: "Ops",
          permissionSetName: null,
          permissionSetArn: null,
          ...inOrg,
        },
        "/iam/roles?roleName=Ops&accountId=111122223333",
      ],
      [
        "an SSO session, to its permission set",
        {
          kind: "session",
          arn: "x",
          name: "x",
          roleName: "AWSReservedSSO_Admin_1",
          permissionSetName: "Admin",
          permissionSetArn: PS,
          ...inOrg,
        },
        `/permission-sets/detail?arn=${encodeURIComponent(PS)}`,
      ],
      ["an outside account: no link", { kind: "account", ...outside }, null],
      ["an outside role: no link", { kind: "role", arn: "arn:aws:iam::999988887777:role/X", name: "X", ...outside }, null],
      ["an outside user: no link", { kind: "user", arn: "arn:aws:iam::999988887777:user/X", name: "X", ...outside }, null],
      ["a service: no link", { kind: "service", service: "ec2.amazonaws.com" }, null],
      ["anyone: no link", { kind: "anyone" }, null],
    ])("%s", (_, principal, expected) => {
      expect(trustedPrincipalHref(principal)).toBe(expected);
    });
  });
});
