import { describe, expect, it } from "vitest";
import { contentHash } from "./canonical-json";
import { toEntityRecords } from "./entity-records";
import { makeInventory, makeRole } from "./testing/make-inventory";

describe("toEntityRecords", () => {
  it("keys singletons, account-scoped entities and credential rows as documented", () => {
    const records = toEntityRecords(makeInventory({ accounts: { "222222222222": ["app"] } }));
    const byKind = (kind: string) => records.filter((r) => r.kind === kind);
    expect(byKind("ORGANIZATION").map((r) => r.naturalKey)).toEqual(["organization"]);
    expect(byKind("IDC_INSTANCE").map((r) => r.naturalKey)).toEqual(["identity-center"]);
    expect(byKind("IAM_ROLE")).toEqual([
      expect.objectContaining({ naturalKey: "arn:aws:iam::222222222222:role/app", accountId: "222222222222" }),
    ]);
    expect(byKind("IAM_CREDENTIAL")).toEqual([
      expect.objectContaining({ naturalKey: "arn:aws:iam::222222222222:root", accountId: "222222222222" }),
    ]);
    expect(byKind("ACCOUNT")[0]?.accountId).toBe("222222222222");
  });

  it("does not let the credential report's generation time into any record", () => {
    const first = makeInventory({ accounts: { "222222222222": [] } });
    const second = structuredClone(first);
    second.iamByAccount["222222222222"]!.credentialReport!.generatedAt = "2030-01-01T00:00:00.000Z";
    const hashes = (inv: typeof first) => toEntityRecords(inv).map((r) => contentHash(r.data));
    expect(hashes(second)).toEqual(hashes(first));
  });

  it("gives a role the same hash whatever order AWS listed its policies and instance profiles in", () => {
    const policies = [
      { name: "b", arn: "arn:aws:iam::aws:policy/b" },
      { name: "a", arn: "arn:aws:iam::aws:policy/a" },
    ];
    const one = makeInventory({ accounts: { "222222222222": [] } });
    const two = structuredClone(one);
    one.iamByAccount["222222222222"]!.roles = [
      makeRole("222222222222", "r", { attachedManagedPolicies: policies, instanceProfileArns: ["y", "x"] }),
    ];
    two.iamByAccount["222222222222"]!.roles = [
      makeRole("222222222222", "r", { attachedManagedPolicies: [...policies].reverse(), instanceProfileArns: ["x", "y"] }),
    ];
    const roleHash = (inv: typeof one) => contentHash(toEntityRecords(inv).find((r) => r.kind === "IAM_ROLE")!.data);
    expect(roleHash(one)).toBe(roleHash(two));
  });

  it("keeps one record when a collector reports the same entity twice", () => {
    const inventory = makeInventory({ accounts: { "222222222222": ["app"] } });
    const iam = inventory.iamByAccount["222222222222"]!;
    iam.roles.push(makeRole("222222222222", "app"));
    expect(toEntityRecords(inventory).filter((r) => r.kind === "IAM_ROLE")).toHaveLength(1);
  });
});
