import type { CloudTrailRecord } from "../model/cloudtrail";
import type { CloudTrailStore } from "../model/state";
import type { DeliveredEvent } from "./build-events";

const newestFirst = (a: CloudTrailRecord, b: CloudTrailRecord) => b.eventTime.getTime() - a.eventTime.getTime();

/**
 * Trails keyed by account and region, newest event first. `generate` fills a trail the first time
 * it is read (scale scenarios), after which it behaves like any other trail.
 */
export function createCloudTrailStore(options: {
  events?: DeliveredEvent[];
  generate?: (accountId: string, region: string) => CloudTrailRecord[];
}): CloudTrailStore {
  const trails = new Map<string, CloudTrailRecord[]>();
  const key = (accountId: string, region: string) => `${accountId}|${region}`;

  for (const delivered of options.events ?? []) {
    const k = key(delivered.accountId, delivered.region);
    const list = trails.get(k) ?? [];
    list.push(delivered.record);
    trails.set(k, list);
  }
  for (const list of trails.values()) list.sort(newestFirst);

  const trail = (accountId: string, region: string): CloudTrailRecord[] => {
    const k = key(accountId, region);
    let list = trails.get(k);
    if (list === undefined) {
      list = options.generate ? options.generate(accountId, region).sort(newestFirst) : [];
      trails.set(k, list);
    }
    return list;
  };

  return {
    list: trail,
    add(accountId, region, record) {
      const list = trail(accountId, region);
      const t = record.eventTime.getTime();
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as CloudTrailRecord).eventTime.getTime() > t) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, record);
    },
  };
}
