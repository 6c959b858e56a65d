import { matchesWildcard } from "./wildcard";

/** Request context keys, lower-cased (IAM condition keys are case-insensitive). */
export type ConditionContext = Map<string, string>;

type Comparator = (policyValue: string, requestValue: string) => boolean;

const arnLike: Comparator = (p, v) => matchesWildcard(p, v);

const COMPARATORS: Record<string, { compare: Comparator; negated: boolean }> = {
  stringequals: { compare: (p, v) => p === v, negated: false },
  stringnotequals: { compare: (p, v) => p === v, negated: true },
  stringequalsignorecase: { compare: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  stringnotequalsignorecase: { compare: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: true },
  stringlike: { compare: (p, v) => matchesWildcard(p, v), negated: false },
  stringnotlike: { compare: (p, v) => matchesWildcard(p, v), negated: true },
  arnequals: { compare: arnLike, negated: false },
  arnlike: { compare: arnLike, negated: false },
  arnnotequals: { compare: arnLike, negated: true },
  arnnotlike: { compare: arnLike, negated: true },
  bool: { compare: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  numericequals: { compare: (p, v) => Number(p) === Number(v), negated: false },
};

export interface ConditionResult {
  matches: boolean;
  /** Operators this simulator does not understand; such a block never matches. */
  unsupported: string[];
}

/**
 * Evaluates one statement's Condition block: all operators AND, all keys AND, values of a key OR.
 * A missing key fails positive operators and satisfies negated ones, as IAM does; `…IfExists`
 * makes a missing key pass.
 */
export function evaluateCondition(
  condition: Record<string, Record<string, unknown>> | undefined,
  context: ConditionContext,
): ConditionResult {
  if (condition === undefined) return { matches: true, unsupported: [] };
  const unsupported: string[] = [];
  for (const [rawOperator, block] of Object.entries(condition)) {
    let operator = rawOperator.toLowerCase();
    operator = operator.replace(/^for(any|all)value:/, "");
    const ifExists = operator.endsWith("ifexists");
    if (ifExists) operator = operator.slice(0, -"ifexists".length);
    for (const [key, rawValues] of Object.entries(block)) {
      const values = (Array.isArray(rawValues) ? rawValues : [rawValues]).map(String);
      const requestValue = context.get(key.toLowerCase());
      if (operator === "null") {
        const wantsMissing = values.some((v) => v.toLowerCase() === "true");
        if (wantsMissing !== (requestValue === undefined)) return { matches: false, unsupported };
        continue;
      }
      const comparator = COMPARATORS[operator];
      if (comparator === undefined) {
        unsupported.push(rawOperator);
        return { matches: false, unsupported };
      }
      if (requestValue === undefined) {
        if (ifExists || comparator.negated) continue;
        return { matches: false, unsupported };
      }
      const anyEqual = values.some((v) => comparator.compare(v, requestValue));
      if (comparator.negated ? anyEqual : !anyEqual) return { matches: false, unsupported };
    }
  }
  return { matches: true, unsupported };
}
