import type { SimState } from "../model/state";

/**
 * Memoises a derived index per state object until the state's revision changes, so lookups stay
 * O(1) on 2,000-account organizations without every mutation having to maintain the index.
 */
export function cachedByRevision<T>(build: (state: SimState) => T): (state: SimState) => T {
  const cache = new WeakMap<SimState, { revision: number; value: T }>();
  return (state) => {
    const hit = cache.get(state);
    if (hit !== undefined && hit.revision === state.revision) return hit.value;
    const value = build(state);
    cache.set(state, { revision: state.revision, value });
    return value;
  };
}
