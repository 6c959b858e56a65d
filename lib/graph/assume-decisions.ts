import { evaluateAssume, type AssumeDecision, type AssumeRequest } from "./assume-evaluator";

export interface DecisionStats {
  /** evaluator runs */
  evaluations: number;
  /** decisions reused from an equivalent earlier request */
  cacheHits: number;
  /** candidates dropped without evaluation: no identity policy of theirs could allow the action */
  prefiltered: number;
}

/**
 * Evaluator decisions cached by a key that names everything the decision depends on: the same trust
 * policy, the same caller class (account, type, tags, policies, SCPs — or its ARN when a policy
 * decides on it) and the same target relation give the same answer.
 */
export class AssumeDecisions {
  readonly stats: DecisionStats = { evaluations: 0, cacheHits: 0, prefiltered: 0 };
  private readonly cache = new Map<string, AssumeDecision>();

  async decide(key: string, request: () => AssumeRequest): Promise<AssumeDecision> {
    const cached = this.cache.get(key);
    if (cached) {
      this.stats.cacheHits++;
      return cached;
    }
    this.stats.evaluations++;
    const decision = await evaluateAssume(request());
    this.cache.set(key, decision);
    return decision;
  }
}
