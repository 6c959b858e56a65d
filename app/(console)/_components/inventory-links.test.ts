import { describe, expect, it } from "vitest";
import { eventsHref, inventoryHref, parseAssignmentKey, principalHref } from "./inventory-links";

const PS = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";

describe("inventory links", () => {
  it("a role ARN (with a path) links to the role's page, its name encoded", () => {
    expect(inventoryHref("arn:aws:iam::111122223333:role/team/Admin+Ops")).toBe(
      "/iam/roles/detail?arn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fteam%2FAdmin%2BOps",
    );
  });

  it("an IAM user ARN links to the users list filtered to it in its account; a root ARN to its account", () => {
    expect(inventoryHref("arn:aws:iam::111122223333:user/ci-bot")).toBe(
      "/iam/users?search=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fci-bot&accountId=111122223333",
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

  it("a group links by id, a user by name only when the name is known", () => {
    expect(principalHref("GROUP", "906744a7-g")).toBe("/identity-center/groups/906744a7-g");
    expect(principalHref("USER", "u-1", "jane@example.com")).toBe("/identity-center/users?search=jane%40example.com");
    expect(principalHref("USER", "u-1")).toBeNull();
  });

  it("an event links to the events page on its UTC day, dropping an account id that is not one", () => {
    expect(eventsHref({ actor: "arn:aws:iam::111122223333:user/bg", accountId: "111122223333", at: "2025-03-04T23:59:00Z" })).toBe(
      "/events?actor=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fbg&accountId=111122223333&from=2025-03-04&to=2025-03-04",
    );
    expect(eventsHref({ accountId: "oops", eventName: "AssumeRole", at: "not a date" })).toBe("/events?eventName=AssumeRole");
  });
});
