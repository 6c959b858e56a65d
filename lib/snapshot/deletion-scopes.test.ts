import { describe, expect, it } from "vitest";
import { deletionScopes } from "./deletion-scopes";
import { makeInventory, withAccountDenied } from "./testing/make-inventory";

const A = "222222222222";
const B = "333333333333";

describe("deletionScopes", () => {
  it("treats absence as deletion everywhere in a fully collected inventory", () => {
    const isDeletion = deletionScopes(makeInventory({ accounts: { [A]: [], [B]: [] } }));
    expect(isDeletion("ACCOUNT", A)).toBe(true);
    expect(isDeletion("IAM_ROLE", A)).toBe(true);
    expect(isDeletion("IAM_CREDENTIAL", B)).toBe(true);
    expect(isDeletion("PERMISSION_SET", null)).toBe(true);
  });

  it("carries over an AccessDenied account's IAM while other accounts stay deletable", () => {
    const isDeletion = deletionScopes(withAccountDenied(makeInventory({ accounts: { [A]: [], [B]: [] } }), B));
    expect(isDeletion("IAM_ROLE", B)).toBe(false);
    expect(isDeletion("IAM_CREDENTIAL", B)).toBe(false);
    expect(isDeletion("IAM_ROLE", A)).toBe(true);
  });

  it("closes the IAM of an account that left the organization", () => {
    const isDeletion = deletionScopes(makeInventory({ accounts: { [A]: [] } }));
    expect(isDeletion("IAM_ROLE", B)).toBe(true);
  });

  it("keeps everything organizational, and departed accounts' IAM, when Organizations failed", () => {
    const inventory = makeInventory({ accounts: { [A]: [] } });
    inventory.coverage.organization = "FAILED";
    const isDeletion = deletionScopes(inventory);
    expect(isDeletion("ACCOUNT", A)).toBe(false);
    expect(isDeletion("IAM_ROLE", B)).toBe(false);
  });

  it("uses each Identity Center part's own status", () => {
    const inventory = makeInventory({ accounts: { [A]: [] } });
    inventory.coverage.identityCenter.assignments = "PARTIAL";
    const isDeletion = deletionScopes(inventory);
    expect(isDeletion("ACCOUNT_ASSIGNMENT", A)).toBe(false);
    expect(isDeletion("IDC_USER", null)).toBe(true);
  });

  it("closes all of Identity Center when the instance lookup found none", () => {
    const inventory = makeInventory({ accounts: { [A]: [] } });
    inventory.identityCenter = null;
    inventory.coverage.identityCenter = { ...inventory.coverage.identityCenter, users: "SKIPPED", assignments: "SKIPPED" };
    const isDeletion = deletionScopes(inventory);
    expect(isDeletion("IDC_USER", null)).toBe(true);
    expect(isDeletion("ACCOUNT_ASSIGNMENT", A)).toBe(true);
  });

  it("only closes roles when authorization details were collected, credential rows only with the report", () => {
    const inventory = makeInventory({ accounts: { [A]: [] } });
    inventory.coverage.accounts[A] = { ...inventory.coverage.accounts[A]!, iam: "PARTIAL", credentialReport: "FAILED" };
    const isDeletion = deletionScopes(inventory);
    expect(isDeletion("IAM_ROLE", A)).toBe(true);
    expect(isDeletion("IAM_CREDENTIAL", A)).toBe(false);
  });
});
