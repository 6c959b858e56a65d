import { describe, expect, it } from "vitest";
import { decideSnapshotOutcome } from "./snapshot-outcome";
import { makeInventory, withAccountDenied } from "./testing/make-inventory";

describe("decideSnapshotOutcome", () => {
  it("is COMPLETE when everything was collected without errors", () => {
    expect(decideSnapshotOutcome(makeInventory({ accounts: { "222222222222": [] } }))).toEqual({ status: "COMPLETE", failure: null });
  });

  it("is PARTIAL when one account was denied", () => {
    const inventory = withAccountDenied(makeInventory({ accounts: { "222222222222": [], "333333333333": [] } }), "333333333333");
    expect(decideSnapshotOutcome(inventory).status).toBe("PARTIAL");
  });

  it("stays COMPLETE when an account was deliberately skipped", () => {
    const inventory = makeInventory({ accounts: { "222222222222": [] } });
    inventory.coverage.accounts["222222222222"] = {
      ...inventory.coverage.accounts["222222222222"]!,
      iam: "SKIPPED",
      authorizationDetails: "SKIPPED",
      credentialReport: "SKIPPED",
    };
    expect(decideSnapshotOutcome(inventory).status).toBe("COMPLETE");
  });

  it("is FAILED, naming the first error, when nothing could be collected", () => {
    const inventory = withAccountDenied(makeInventory({ accounts: { "222222222222": [] } }), "222222222222");
    inventory.coverage.organization = "FAILED";
    inventory.coverage.accountTags = "FAILED";
    for (const part of Object.keys(inventory.coverage.identityCenter) as Array<keyof typeof inventory.coverage.identityCenter>) {
      inventory.coverage.identityCenter[part] = "FAILED";
    }
    const outcome = decideSnapshotOutcome(inventory);
    expect(outcome.status).toBe("FAILED");
    expect(outcome.failure).toContain("AccessDenied");
  });
});
