import { findAccessPaths, getAccessContext, type AccessContext } from "../access";
import type { Db } from "../db";
import { nodeId } from "../graph";

/** One person's way into one account: by a permission set, or the role a chain ends at. */
export interface DriftAccessPath {
  /** person × account × permission set × role: what "new" and "removed" compare */
  key: string;
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  accountId: string;
  accountName: string | null;
  permissionSetName: string | null;
  permissionSetArn: string | null;
  roleArn: string | null;
  /** hop labels of the first path found with this key: "alice → Devs → Admin → AWSReservedSSO_Admin_… → TeamRole" */
  via: string;
}

/** Paths per person past which the rest of that person's paths are not compared (a graph explosion, not a review). */
const MAX_PATHS_PER_PERSON = 20_000;

/** Every (person, account, permission set, role) of a snapshot, keyed; people are Identity Center users. */
export function peopleAccessPaths(context: AccessContext): Map<string, DriftAccessPath> {
  const { state, graph } = context;
  const accountNames = new Map(state.accounts.map((account) => [account.id, account.name]));
  const found = new Map<string, DriftAccessPath>();
  for (const user of state.identityCenter?.users ?? []) {
    const start = graph.nodes.get(nodeId.idcUser(user.userId));
    if (!start) continue;
    const { paths } = findAccessPaths(
      graph,
      { kind: "person", node: start, userName: user.userName, email: user.primaryEmail },
      { maxPaths: MAX_PATHS_PER_PERSON },
    );
    for (const path of paths) {
      const permissionSetArn = path.permissionSet?.arn ?? null;
      const roleArn = path.role?.arn ?? null;
      const key = [user.userId, path.accountId, permissionSetArn ?? "", roleArn ?? ""].join("|");
      if (found.has(key)) continue;
      found.set(key, {
        key,
        userId: user.userId,
        userName: user.userName,
        displayName: user.displayName,
        email: user.primaryEmail,
        accountId: path.accountId,
        accountName: accountNames.get(path.accountId) ?? null,
        permissionSetName: path.permissionSet?.label ?? null,
        permissionSetArn,
        roleArn,
        via: path.hops.map((hop) => hop.label).join(" → "),
      });
    }
  }
  return found;
}

const byPersonAccount = (a: DriftAccessPath, b: DriftAccessPath) =>
  a.userName.localeCompare(b.userName) ||
  (a.accountName ?? a.accountId).localeCompare(b.accountName ?? b.accountId) ||
  (a.permissionSetName ?? "").localeCompare(b.permissionSetName ?? "") ||
  (a.roleArn ?? "").localeCompare(b.roleArn ?? "");

/** The access paths in `toId` and not in `fromId` (added) and the reverse (removed), by person then account. */
export async function diffPeopleAccess(
  db: Db,
  fromId: number,
  toId: number,
): Promise<{ added: DriftAccessPath[]; removed: DriftAccessPath[] }> {
  // One after the other: getAccessContext keeps two graphs, and both are needed at once here.
  const before = peopleAccessPaths(await getAccessContext(db, fromId));
  const after = peopleAccessPaths(await getAccessContext(db, toId));
  const added = [...after.values()].filter((path) => !before.has(path.key)).sort(byPersonAccount);
  const removed = [...before.values()].filter((path) => !after.has(path.key)).sort(byPersonAccount);
  return { added, removed };
}
