import { describe, expect, it } from "vitest";
import { deriveRole, parseRoleMap, readGroupsClaim } from "./role-map";

describe("OIDC role map", () => {
  it("parses group=role pairs, ignoring spaces and empty entries", () => {
    expect(parseRoleMap(" vigil-admins=admin, vigil-auditors = auditor,,")).toEqual([
      { group: "vigil-admins", role: "admin" },
      { group: "vigil-auditors", role: "auditor" },
    ]);
    expect(parseRoleMap(undefined)).toEqual([]);
  });

  it('keeps "=" inside group names', () => {
    expect(parseRoleMap("cn=ops=breakglass-operator")).toEqual([{ group: "cn=ops", role: "breakglass-operator" }]);
  });

  it("rejects an unknown role naming the allowed ones", () => {
    expect(() => parseRoleMap("ops=root")).toThrow(/viewer, auditor, breakglass-operator, approver, admin/);
    expect(() => parseRoleMap("just-a-group")).toThrow(/group=role/);
  });

  it("grants the most privileged mapped role", () => {
    const map = parseRoleMap("v=viewer,a=admin,o=breakglass-operator");
    expect(deriveRole(["v", "o"], map)).toBe("breakglass-operator");
    expect(deriveRole(["v", "a"], map)).toBe("admin");
  });

  it("refuses users in no mapped group unless a default role is set", () => {
    const map = parseRoleMap("v=viewer");
    expect(deriveRole(["other"], map)).toBeNull();
    expect(deriveRole([], map, "viewer")).toBe("viewer");
  });

  it("reads the groups claim as an array or a delimited string", () => {
    expect(readGroupsClaim({ groups: ["a", "b", 3] }, "groups")).toEqual(["a", "b"]);
    expect(readGroupsClaim({ roles: "a b,c" }, "roles")).toEqual(["a", "b", "c"]);
    expect(readGroupsClaim({}, "groups")).toEqual([]);
  });
});
