import type { InventoryTarget } from "@/lib/drift";

/** The inventory page of a drift item, as of the snapshot that holds the version shown. */
export function inventoryHref(target: InventoryTarget, snapshotId: number): string {
  const at = `snapshot=${snapshotId}`;
  const q = encodeURIComponent;
  switch (target.page) {
    case "account":
      return `/accounts/${q(target.accountId)}?${at}`;
    case "iam-role":
      return `/iam/roles/detail?${at}&arn=${q(target.arn)}`;
    case "iam-user":
      return `/iam/users?${at}&accountId=${q(target.accountId)}&search=${q(target.userName)}`;
    case "permission-set":
      return `/permission-sets/detail?${at}&arn=${q(target.arn)}`;
    case "idc-group":
      return `/identity-center/groups/${q(target.groupId)}?${at}`;
    case "idc-user":
      return `/identity-center/users?${at}&search=${q(target.userName)}`;
  }
}
