import type { Db } from "@/lib/db";
import { findAccountOptions, getSnapshotView, type AccountOption } from "@/lib/inventory";

/** Account names as of the latest readable snapshot (findings outlive snapshots, so names come from the newest). */
export async function loadAccountOptions(db: Db): Promise<AccountOption[]> {
  const view = await getSnapshotView(db);
  return view.state === "ready" ? findAccountOptions(db, view.snapshot.id) : [];
}

export function accountNameMap(options: readonly AccountOption[]): Map<string, string> {
  return new Map(options.map((account) => [account.id, account.name]));
}
