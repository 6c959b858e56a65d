import { describe, expect, it } from "vitest";
import { contentHash } from "./canonical-json";
import { activityDigest, versionedContent } from "./activity-fields";
import { makeCredentialRow, makeRole } from "./testing/make-inventory";

describe("activity fields", () => {
  it("leave a role's content hash alone when only its last use moved", () => {
    const before = makeRole("222222222222", "audit", { lastUsedAt: "2024-01-01T00:00:00.000Z" });
    const after = { ...before, lastUsedAt: "2024-01-02T00:00:00.000Z", lastUsedRegion: "eu-west-1" };
    expect(contentHash(versionedContent("IAM_ROLE", { ...after }))).toBe(contentHash(versionedContent("IAM_ROLE", { ...before })));
    expect(activityDigest("IAM_ROLE", { ...after })).not.toBe(activityDigest("IAM_ROLE", { ...before }));
  });

  it("still change the hash when anything else about the role changed", () => {
    const before = makeRole("222222222222", "audit");
    const after = { ...before, trustPolicy: { Statement: [] } };
    expect(contentHash(versionedContent("IAM_ROLE", { ...after }))).not.toBe(contentHash(versionedContent("IAM_ROLE", { ...before })));
  });

  it("separate access-key use from access-key state in credential report rows", () => {
    const row = makeCredentialRow("222222222222", "ci");
    const used = structuredClone(row);
    used.accessKeys[0].lastUsedAt = "2024-05-01T00:00:00.000Z";
    const rotated = structuredClone(row);
    rotated.accessKeys[0].active = true;
    const hash = (r: typeof row) => contentHash(versionedContent("IAM_CREDENTIAL", { ...r }));
    expect(hash(used)).toBe(hash(row));
    expect(hash(rotated)).not.toBe(hash(row));
  });

  it("have no effect on kinds without activity", () => {
    expect(activityDigest("ACCOUNT", { id: "1" })).toBeNull();
    expect(versionedContent("ACCOUNT", { id: "1" })).toEqual({ id: "1" });
  });
});
