import { describe, expect, it } from "vitest";
import { flattenSearchParams, hrefWith, keptParams, linkAsOf } from "./url";

describe("list URLs", () => {
  it("keeps the first value of repeated params and drops empty ones", () => {
    expect(flattenSearchParams({ sort: ["name", "id"], search: "", page: "2", x: undefined })).toEqual({ sort: "name", page: "2" });
  });

  it("applies changes and removes params set to null", () => {
    expect(hrefWith("/accounts", { sort: "name", page: "3" }, { dir: "desc", page: null })).toBe("/accounts?sort=name&dir=desc");
    expect(hrefWith("/accounts", {}, {})).toBe("/accounts");
  });

  it("links to another page on the same snapshot only", () => {
    expect(linkAsOf("/iam/roles", { snapshot: "7", search: "x" }, { accountId: "111111111111" })).toBe(
      "/iam/roles?snapshot=7&accountId=111111111111",
    );
    expect(keptParams({ snapshot: "7", page: "2" }, ["snapshot", "sort"])).toEqual([["snapshot", "7"]]);
  });
});
