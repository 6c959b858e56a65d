import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../types";
import { RULES } from "./index";

describe("RULES", () => {
  it("hold each of the seventeen rule ids exactly once, with the severity of the issue's table", () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity]))).toEqual({
      ORPHANED_IAM_USER: "medium",
      STALE_ACCESS_KEY: "medium",
      CONSOLE_WITHOUT_MFA: "high",
      ROOT_ACCESS_KEY: "critical",
      TRUST_POLICY_DRIFT: "high",
      TRUST_DANGLING_PRINCIPAL: "high",
      TRUST_EXTERNAL_ACCOUNT: "high",
      TRUST_WHOLE_ACCOUNT: "medium",
      TRUST_WILDCARD: "critical",
      PROXY_PERMISSION_SET_NOT_EMPTY: "high",
      PROXY_CHAIN_BROKEN: "high",
      DIRECT_USER_ASSIGNMENT: "low",
      UNUSED_ASSIGNMENT: "low",
      LONG_SESSION_SENSITIVE_ACCOUNT: "medium",
      INLINE_POLICY_NEAR_LIMIT: "low",
      BREAKGLASS_USED_WITHOUT_CHECKOUT: "critical",
      BREAKGLASS_DRILL_FAILED: "high",
    });
  });
});
