import { describe, expect, it } from "vitest";
import { carryUnknownFields, hasUnknownFields } from "./unknown-fields";

describe("unknown fields", () => {
  it("keeps an account's previous tags when this run could not read them", () => {
    const data = { id: "1", tags: null };
    expect(hasUnknownFields("ACCOUNT", data)).toBe(true);
    expect(carryUnknownFields("ACCOUNT", data, { id: "1", tags: { env: "prod" } })).toEqual({ id: "1", tags: { env: "prod" } });
  });

  it("treats read-but-empty tags as known", () => {
    expect(hasUnknownFields("ACCOUNT", { tags: {} })).toBe(false);
  });

  it("carries a role's ListRoles-only fields together when ListRoles failed", () => {
    const data = { maxSessionDuration: null, description: null };
    expect(carryUnknownFields("IAM_ROLE", data, { maxSessionDuration: 7200, description: "deploy" })).toEqual({
      maxSessionDuration: 7200,
      description: "deploy",
    });
  });

  it("does not touch a role whose description is simply empty", () => {
    expect(hasUnknownFields("IAM_ROLE", { maxSessionDuration: 3600, description: null })).toBe(false);
  });
});
