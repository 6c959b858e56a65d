import { describe, expect, it } from "vitest";
import { changeCategory } from "./change-category";

describe("changeCategory", () => {
  it("a principal, membership or assignment added or removed is an access change; an OU or account is not", () => {
    expect(changeCategory("IDC_GROUP_MEMBERSHIP", "added", [])).toBe("access");
    expect(changeCategory("IAM_USER", "removed", [])).toBe("access");
    expect(changeCategory("ORG_UNIT", "added", [])).toBe("other");
  });

  it("a trust or attachment change is access; descriptions and tags alone are other; no difference at all is churn", () => {
    expect(changeCategory("IAM_ROLE", "changed", [{ path: "trustPolicy.Statement[0].Principal.AWS", kind: "added", after: "x" }])).toBe(
      "access",
    );
    expect(
      changeCategory("IAM_ROLE", "changed", [
        { path: "tags.team", kind: "changed", before: "a", after: "b" },
        { path: "description", kind: "changed", before: "a", after: "b" },
      ]),
    ).toBe("other");
    expect(
      changeCategory("IAM_ROLE", "changed", [
        { path: "description", kind: "changed", before: "a", after: "b" },
        { path: "attachedManagedPolicies", kind: "added", after: "arn" },
      ]),
    ).toBe("access");
    expect(changeCategory("PERMISSION_SET", "changed", [])).toBe("churn");
  });
});
