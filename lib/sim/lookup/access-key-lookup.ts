import type { IamAccessKey, IamUser } from "../model/iam";
import type { SimState } from "../model/state";

export interface AccessKeyOwner {
  accountId: string;
  user: IamUser;
  key: IamAccessKey;
}

const cache = new WeakMap<SimState, { revision: number; built: number; byId: Map<string, AccessKeyOwner> }>();

/**
 * Long-term keys of every account built so far. Lazily built scale accounts are not forced: their
 * keys become usable once something has read that account.
 */
export function findAccessKeyOwner(state: SimState, accessKeyId: string): AccessKeyOwner | undefined {
  const hit = cache.get(state);
  if (hit !== undefined && hit.revision === state.revision && hit.built === state.iam.materializedCount) {
    return hit.byId.get(accessKeyId);
  }
  const byId = new Map<string, AccessKeyOwner>();
  for (const [accountId, iam] of state.iam.materialized()) {
    for (const user of iam.users) {
      for (const key of user.accessKeys) byId.set(key.accessKeyId, { accountId, user, key });
    }
  }
  cache.set(state, { revision: state.revision, built: state.iam.materializedCount, byId });
  return byId.get(accessKeyId);
}
