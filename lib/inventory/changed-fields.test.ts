import { describe, expect, it } from "vitest";
import { changedFields, entityLabel } from "./changed-fields";

describe("changedFields", () => {
  it("names fields added, removed or changed, and ignores reordered object keys", () => {
    const before = { trustPolicy: { Version: "2012-10-17", Statement: [] }, tags: { a: "1" }, path: "/" };
    const after = { trustPolicy: { Statement: [], Version: "2012-10-17" }, tags: { a: "2" }, description: "new" };
    expect(changedFields(before, after)).toEqual(["description", "path", "tags"]);
  });

  it("treats a reordered array as a change, since array order can carry meaning", () => {
    expect(changedFields({ list: [1, 2] }, { list: [2, 1] })).toEqual(["list"]);
  });
});

describe("entityLabel", () => {
  it("prefers the kind's own name field and falls back to the natural key", () => {
    expect(entityLabel({ roleName: "deploy", arn: "x" }, "key")).toBe("deploy");
    expect(entityLabel({ displayName: "Platform" }, "g-1")).toBe("Platform");
    expect(entityLabel({ accountId: "1" }, "1|arn|USER|u")).toBe("1|arn|USER|u");
  });
});
