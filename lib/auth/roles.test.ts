import { describe, expect, it } from "vitest";
import { hasPermission, hasRole, PERMISSIONS, ROLE_NAMES, roleFromName, roleName, type RoleName } from "./roles";

const makeUser = (role: RoleName) => ({ role });

describe("roles", () => {
  it("admin holds every role and every permission", () => {
    for (const role of ROLE_NAMES) expect(hasRole(makeUser("admin"), role)).toBe(true);
    for (const permission of Object.keys(PERMISSIONS)) {
      expect(hasPermission(makeUser("admin"), permission as keyof typeof PERMISSIONS)).toBe(true);
    }
  });

  it("a viewer reads inventory but cannot manage users, export or approve", () => {
    const viewer = makeUser("viewer");
    expect(hasPermission(viewer, "inventory:read")).toBe(true);
    expect(hasPermission(viewer, "users:manage")).toBe(false);
    expect(hasPermission(viewer, "export:create")).toBe(false);
    expect(hasPermission(viewer, "checkout:approve")).toBe(false);
    expect(hasRole(viewer, "admin")).toBe(false);
  });

  it("an operator may request but not approve a checkout, and an approver the reverse", () => {
    expect(hasPermission(makeUser("breakglass-operator"), "checkout:request")).toBe(true);
    expect(hasPermission(makeUser("breakglass-operator"), "checkout:approve")).toBe(false);
    expect(hasPermission(makeUser("approver"), "checkout:approve")).toBe(true);
    expect(hasPermission(makeUser("approver"), "checkout:request")).toBe(false);
  });

  it("an auditor reads the audit trail and exports", () => {
    expect(hasPermission(makeUser("auditor"), "audit:read")).toBe(true);
    expect(hasPermission(makeUser("auditor"), "export:create")).toBe(true);
  });

  it("no listed role means any signed-in user", () => {
    expect(hasRole(makeUser("viewer"))).toBe(true);
  });

  it("edge names and database enums round-trip", () => {
    for (const name of ROLE_NAMES) expect(roleName(roleFromName(name))).toBe(name);
    expect(roleFromName("breakglass-operator")).toBe("BREAKGLASS_OPERATOR");
  });
});
