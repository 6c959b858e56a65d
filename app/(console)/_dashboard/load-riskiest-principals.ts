import { findAccessPaths, getAccessContext, type AccessContext } from "@/lib/access";
import type { Db } from "@/lib/db";
import { listFindings } from "@/lib/findings";
import { nodeId } from "@/lib/graph";

/** One person ranked by reach (account × role paths) and by the open findings on what they reach. */
export interface RiskyPrincipal {
  userId: string;
  userName: string;
  displayName: string | null;
  /** what /access?principal= resolves: the e-mail, else the user name */
  principal: string;
  accounts: number;
  paths: number;
  openFindings: number;
  score: number;
}

export interface RiskiestPrincipals {
  snapshotId: number;
  people: RiskyPrincipal[];
}

interface Reach {
  userId: string;
  userName: string;
  displayName: string | null;
  principal: string;
  accounts: Set<string>;
  paths: number;
  /** ARNs on any path (permission sets, reserved and IAM roles): what findings are matched on */
  arns: Set<string>;
}

export const TOP_PRINCIPALS = 10;
const MAX_PATHS_PER_PERSON = 20_000;
const FINDINGS_PAGE = 5_000;

// A readable snapshot never changes: each person's reach is computed once per snapshot (per database).
const reachBySnapshot = new WeakMap<Db, { snapshotId: number; reach: Promise<Reach[]> }>();

function computeReach(context: AccessContext): Reach[] {
  const { state, graph } = context;
  const people: Reach[] = [];
  for (const user of state.identityCenter?.users ?? []) {
    const node = graph.nodes.get(nodeId.idcUser(user.userId));
    if (!node) continue;
    const subject = { kind: "person" as const, node, userName: user.userName, email: user.primaryEmail };
    const { paths } = findAccessPaths(graph, subject, { maxPaths: MAX_PATHS_PER_PERSON });
    if (paths.length === 0) continue;
    const reach: Reach = {
      userId: user.userId,
      userName: user.userName,
      displayName: user.displayName,
      principal: user.primaryEmail ?? user.userName,
      accounts: new Set(),
      paths: 0,
      arns: new Set(),
    };
    const seen = new Set<string>();
    for (const path of paths) {
      reach.accounts.add(path.accountId);
      const key = `${path.accountId}|${path.role?.id ?? path.permissionSet?.id ?? ""}`;
      if (!seen.has(key)) {
        seen.add(key);
        reach.paths += 1;
      }
      for (const hop of path.hops) if (hop.arn) reach.arns.add(hop.arn);
    }
    people.push(reach);
  }
  return people;
}

async function reachOf(db: Db, snapshotId?: number): Promise<{ snapshotId: number; reach: Reach[] }> {
  const context = await getAccessContext(db, snapshotId);
  const cached = reachBySnapshot.get(db);
  if (cached?.snapshotId === context.snapshotId) return { snapshotId: context.snapshotId, reach: await cached.reach };
  const reach = Promise.resolve().then(() => computeReach(context));
  reachBySnapshot.set(db, { snapshotId: context.snapshotId, reach });
  reach.catch(() => reachBySnapshot.delete(db));
  return { snapshotId: context.snapshotId, reach: await reach };
}

/** Open findings per resource ARN (open and reopened, every page). */
async function openFindingsByArn(db: Db, now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let page = 1; ; page++) {
    const batch = await listFindings(db, { status: "open", page, pageSize: FINDINGS_PAGE, sort: "severity" }, now);
    for (const row of batch.rows) counts.set(row.resourceArn, (counts.get(row.resourceArn) ?? 0) + 1);
    if (batch.rows.length < FINDINGS_PAGE) return counts;
  }
}

/**
 * The people with the most reach × open findings on their paths, over the latest readable
 * snapshot: reach is the number of distinct (account, role) paths, and a finding counts when its
 * resource is on one of the person's paths (a role, reserved role or permission set). Ties go to
 * the wider reach, then the name.
 */
export async function loadRiskiestPrincipals(db: Db, now: Date): Promise<RiskiestPrincipals> {
  const [{ snapshotId, reach }, findings] = await Promise.all([reachOf(db), openFindingsByArn(db, now)]);
  const people = reach.map((person): RiskyPrincipal => {
    let openFindings = 0;
    for (const arn of person.arns) openFindings += findings.get(arn) ?? 0;
    return {
      userId: person.userId,
      userName: person.userName,
      displayName: person.displayName,
      principal: person.principal,
      accounts: person.accounts.size,
      paths: person.paths,
      openFindings,
      score: person.paths * openFindings,
    };
  });
  people.sort((a, b) => b.score - a.score || b.paths - a.paths || a.userName.localeCompare(b.userName));
  return { snapshotId, people: people.slice(0, TOP_PRINCIPALS) };
}
