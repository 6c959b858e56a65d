import { RULES } from "./rules";
import type { FindingCandidate, Rule, RuleInput } from "./types";

/** All rules over one input; one candidate per fingerprint (a rule that repeats itself keeps its first). */
export function runRules(input: RuleInput, rules: readonly Rule[] = RULES): FindingCandidate[] {
  const byFingerprint = new Map<string, FindingCandidate>();
  for (const rule of rules)
    for (const candidate of rule.evaluate(input))
      if (!byFingerprint.has(candidate.fingerprint)) byFingerprint.set(candidate.fingerprint, candidate);
  return [...byFingerprint.values()];
}
