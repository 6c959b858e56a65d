import { createHash } from "node:crypto";
import { attachLastUse, findAccessPaths, toAccessRows, type AccessContext, type AccessPath, type AccessRow } from "../access";
import { canonicalJson, type JsonValue } from "../audit";
import type { IamUser, OrgInventory, PermissionSet } from "../aws";
import type { Db } from "../db";
import { nodeId, type GraphNode } from "../graph";
import { idcPersonKey, reviewRowKey } from "./row-key";
import type { ReviewFindingRef, ReviewHop, ReviewPathFields } from "./review-types";

/** One row of a campaign before it is compared with last week and assigned. */
export interface ReviewRowDraft extends ReviewPathFields {
  permissionSetHash: string | null;
  /** display names of the groups on the path (group owners review it when the account has none) */
  groupNames: string[];
}

/** Open findings by the resource they are on (role, user or permission set ARN, assignment key). */
export type FindingsByResource = Map<string, ReviewFindingRef[]>;

// Paths per person: generous (a person reaching 20,000 roles is itself worth a review), bounded.
const MAX_PATHS_PER_PERSON = 20_000;
// attachLastUse looks up CloudTrail for a batch of paths at once.
const LAST_USE_BATCH = 5_000;

/**
 * Every (person, account, access path) of the snapshot: each Identity Center user's and IAM user's
 * paths (lib/access), plus each IAM user's own long-term access to its account, with last use and
 * the open findings on the path's resources. Rows are unique by key.
 */
export async function buildReviewRows(
  db: Db,
  context: AccessContext,
  options: { lastUseBefore?: Date; findingsByResource: FindingsByResource },
): Promise<ReviewRowDraft[]> {
  const { state, graph } = context;
  const people = peopleOf(state, graph.nodes);
  const accountNames = new Map(state.accounts.map((account) => [account.id, account.name]));
  const permissionSets = new Map((state.identityCenter?.permissionSets ?? []).map((set) => [set.arn, set]));
  const hashes = new Map<string, string>();
  const permissionSetHash = (arn: string) => {
    let hash = hashes.get(arn);
    if (hash === undefined) {
      const set = permissionSets.get(arn);
      hash = set ? contentHash(set) : "unknown";
      hashes.set(arn, hash);
    }
    return hash;
  };

  const drafts = new Map<string, ReviewRowDraft>();
  let pending: Array<{ person: Person; entry: { row: AccessRow; path: AccessPath } }> = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await attachLastUse(
      db,
      state,
      pending.map((p) => p.entry),
      { before: options.lastUseBefore },
    );
    for (const { person, entry } of pending) {
      const draft = draftOf(person, entry.row, entry.path, permissionSetHash, options.findingsByResource);
      if (!drafts.has(draft.rowKey)) drafts.set(draft.rowKey, draft);
    }
    pending = [];
  };

  for (const person of people) {
    const subject = { kind: "iam-principal" as const, node: person.node };
    const { paths } = findAccessPaths(graph, subject, { maxPaths: MAX_PATHS_PER_PERSON });
    for (const entry of toAccessRows(state, paths)) pending.push({ person, entry });
    if (pending.length >= LAST_USE_BATCH) await flush();
    if (person.iamUser) {
      const direct = directDraft(person, person.iamUser, state, accountNames, options.findingsByResource);
      if (!drafts.has(direct.rowKey)) drafts.set(direct.rowKey, direct);
    }
  }
  await flush();
  return [...drafts.values()];
}

interface Person {
  node: GraphNode;
  key: string;
  name: string;
  email: string | null;
  /** the IdC user id (assignment keys name it) */
  userId: string | null;
  iamUser: IamUser | null;
}

function peopleOf(state: OrgInventory, nodes: Map<string, GraphNode>): Person[] {
  const people: Person[] = [];
  const idc = state.identityCenter;
  for (const user of idc?.users ?? []) {
    const node = nodes.get(nodeId.idcUser(user.userId));
    if (!node) continue;
    people.push({
      node,
      key: idcPersonKey(idc?.instance.identityStoreId, user.userId),
      name: user.displayName?.trim() || user.userName,
      email: user.primaryEmail,
      userId: user.userId,
      iamUser: null,
    });
  }
  for (const iam of Object.values(state.iamByAccount)) {
    for (const user of iam.users) {
      const node = nodes.get(user.arn);
      if (!node) continue;
      people.push({ node, key: user.arn, name: user.userName, email: iamUserEmail(user), userId: null, iamUser: user });
    }
  }
  return people;
}

/** An IAM user names its person only by a tag (`email`); break-glass and CI users usually have none. */
function iamUserEmail(user: IamUser): string | null {
  for (const [key, value] of Object.entries(user.tags ?? {})) if (key.toLowerCase() === "email" && value.includes("@")) return value.trim();
  return null;
}

function draftOf(
  person: Person,
  row: AccessRow,
  path: AccessPath,
  permissionSetHash: (arn: string) => string,
  findingsByResource: FindingsByResource,
): ReviewRowDraft {
  const via = row.via.map((hop) => ({ kind: hop.kind, id: hop.id, label: hop.label, arn: hop.arn }));
  const permissionSetArn = path.permissionSet?.arn ?? null;
  const groups = path.hops.filter((hop) => hop.kind === "IDC_GROUP");
  const resources = new Set<string>();
  for (const hop of path.hops) if (hop.arn) resources.add(hop.arn);
  if (permissionSetArn) {
    const principal = groups[0] ? `GROUP|${groups[0].id.slice("idc-group:".length)}` : `USER|${person.userId ?? ""}`;
    resources.add(`${path.accountId}|${permissionSetArn}|${principal}`);
  }
  return {
    rowKey: reviewRowKey(
      person.key,
      path.accountId,
      path.hops.slice(1).map((hop) => hop.id),
    ),
    personKey: person.key,
    personName: person.name,
    personEmail: person.email,
    accountId: path.accountId,
    accountName: row.accountName,
    permissionSetName: row.permissionSet,
    permissionSetArn,
    roleArn: row.roleArn,
    via,
    pathLabel: pathLabelOf(via),
    effectiveSessionSeconds: row.effectiveSessionSeconds,
    cappedByChaining: row.cappedByChaining,
    conditional: row.conditional,
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt) : null,
    findings: findingsOn(resources, findingsByResource),
    permissionSetHash: permissionSetArn ? permissionSetHash(permissionSetArn) : null,
    groupNames: groups.map((group) => group.label),
  };
}

/**
 * An IAM user's own access to its account: its password and access keys, which need no AssumeRole.
 * Long-term credentials have no session limit: effectiveSessionSeconds is 0.
 */
function directDraft(
  person: Person,
  user: IamUser,
  state: OrgInventory,
  accountNames: Map<string, string>,
  findingsByResource: FindingsByResource,
): ReviewRowDraft {
  const via = [{ kind: "IAM_USER", id: user.arn, label: user.userName, arn: user.arn }];
  const report = state.iamByAccount[user.accountId]?.credentialReport?.rows.find((r) => r.arn === user.arn);
  const uses = [report?.passwordLastUsedAt, ...(report?.accessKeys ?? []).map((key) => key.lastUsedAt)].filter(
    (at): at is string => typeof at === "string",
  );
  const lastUsed = uses.length > 0 ? uses.reduce((a, b) => (a > b ? a : b)) : null;
  return {
    rowKey: reviewRowKey(person.key, user.accountId, []),
    personKey: person.key,
    personName: person.name,
    personEmail: person.email,
    accountId: user.accountId,
    accountName: accountNames.get(user.accountId) ?? null,
    permissionSetName: null,
    permissionSetArn: null,
    roleArn: null,
    via,
    pathLabel: `${user.userName} (IAM user: own credentials)`,
    effectiveSessionSeconds: 0,
    cappedByChaining: false,
    conditional: false,
    lastUsedAt: lastUsed ? new Date(lastUsed) : null,
    findings: findingsOn(new Set([user.arn]), findingsByResource),
    permissionSetHash: null,
    groupNames: [],
  };
}

const KIND_WORDS: Record<string, string> = { IDC_GROUP: "group", IAM_USER: "IAM user", EXTERNAL_ACCOUNT: "account" };

/** "alice → Devs (group) → Admin → AWSReservedSSO_Admin_… → TeamRole" */
export function pathLabelOf(via: readonly ReviewHop[]): string {
  return via.map((hop) => (KIND_WORDS[hop.kind] && hop !== via[0] ? `${hop.label} (${KIND_WORDS[hop.kind]})` : hop.label)).join(" → ");
}

function findingsOn(resources: Set<string>, byResource: FindingsByResource): ReviewFindingRef[] {
  const seen = new Map<number, ReviewFindingRef>();
  for (const resource of resources) for (const finding of byResource.get(resource) ?? []) seen.set(finding.id, finding);
  return [...seen.values()].sort((a, b) => a.id - b.id);
}

/** What a permission set grants and for how long; not where it is provisioned or when it was made. */
function contentHash(set: PermissionSet): string {
  const content = {
    sessionDuration: set.sessionDuration,
    awsManagedPolicies: set.awsManagedPolicies.map((p) => p.arn).sort(),
    customerManagedPolicies: set.customerManagedPolicies.map((p) => `${p.path}${p.name}`).sort(),
    inlinePolicy: set.inlinePolicy ? (set.inlinePolicy.document ?? set.inlinePolicy.rawDocument) : null,
    permissionsBoundary: set.permissionsBoundary,
  };
  return createHash("sha256")
    .update(canonicalJson(JSON.parse(JSON.stringify(content)) as JsonValue))
    .digest("hex")
    .slice(0, 32);
}
