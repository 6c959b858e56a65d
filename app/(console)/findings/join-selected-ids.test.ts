import { describe, expect, it } from "vitest";
import { joinSelectedIds } from "./join-selected-ids";

describe("joinSelectedIds", () => {
  it("joins every ticked id into one field and keeps the other fields", () => {
    const form = new FormData();
    form.append("ids", "3");
    form.append("reason", "why");
    form.append("ids", "7");
    form.append("ids", "");
    const joined = joinSelectedIds(form);
    expect(joined.getAll("ids")).toEqual(["3,7"]);
    expect(joined.get("reason")).toBe("why");
  });

  it("leaves ids absent when nothing was ticked", () => {
    expect(joinSelectedIds(new FormData()).has("ids")).toBe(false);
  });
});
