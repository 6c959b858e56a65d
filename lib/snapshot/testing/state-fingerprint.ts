import type { OrgInventory } from "../../aws";
import { contentHash } from "../canonical-json";
import { toEntityRecords } from "../entity-records";

/** Every entity of an inventory as `kind key account hash`, sorted: equal fingerprints, equal states. */
export function stateFingerprint(inventory: OrgInventory): string[] {
  return toEntityRecords(inventory)
    .map((r) => `${r.kind} ${r.naturalKey} ${r.accountId ?? "-"} ${contentHash(r.data)}`)
    .sort();
}
