import { findHopUses, hopKey, type HopUse } from "../cloudtrail";
import type { Db } from "../db";
import { nodeId } from "../graph";
import type { OrgInventory } from "../aws";
import type { AccessPath } from "./access-paths";
import type { AccessRow } from "./access-rows";

/**
 * Fills each row's `lastUsedAt` from ingested CloudTrail, joined to the path's last hop: an AssumeRole
 * from the previous hop's role (or IAM user) into the role; for a permission set's reserved role, the
 * Identity Center sign-in (AssumeRoleWithSAML into the role, or the portal's `Federate` with the
 * permission set into the account) — by that person when the path starts from one.
 */
export async function attachLastUse(
  db: Db,
  state: OrgInventory,
  entries: ReadonlyArray<{ row: AccessRow; path: AccessPath }>,
  options: { before?: Date } = {},
): Promise<void> {
  const paths = entries.map((entry) => entry.path);
  const assumeRole = new Map<string, { sourceRoleArn: string; targetRoleArn: string }>();
  const samlRoles = new Set<string>();
  const federations = new Map<string, { permissionSetName: string; accountId: string }>();
  for (const path of paths) {
    const last = path.assumeEdges[path.assumeEdges.length - 1];
    if (last) {
      const source = path.hops[path.hops.length - 2];
      if (source?.arn && path.role?.arn)
        assumeRole.set(hopKey(source.arn, path.role.arn), { sourceRoleArn: source.arn, targetRoleArn: path.role.arn });
    } else if (path.permissionSet) {
      if (path.role?.arn) samlRoles.add(path.role.arn);
      federations.set(hopKey(path.permissionSet.label, path.accountId), {
        permissionSetName: path.permissionSet.label,
        accountId: path.accountId,
      });
    }
  }
  if (assumeRole.size + samlRoles.size + federations.size === 0) return;
  const uses = await findHopUses(db, {
    assumeRole: [...assumeRole.values()],
    samlRoles: [...samlRoles],
    federations: [...federations.values()],
    before: options.before,
  });
  const userIdOf = new Map((state.identityCenter?.users ?? []).map((u) => [nodeId.idcUser(u.userId), u.userId]));
  for (const { row, path } of entries) {
    const last = path.assumeEdges[path.assumeEdges.length - 1];
    let at: Date | undefined;
    if (last) {
      const source = path.hops[path.hops.length - 2];
      if (source?.arn && path.role?.arn) at = uses.assumeRole.get(hopKey(source.arn, path.role.arn));
    } else if (path.permissionSet) {
      const person = path.start.kind === "IDC_USER";
      const saml = latest(path.role?.arn ? uses.saml.get(path.role.arn) : undefined, person ? path.start.label : undefined);
      const federate = latest(
        uses.federate.get(hopKey(path.permissionSet.label, path.accountId)),
        person ? userIdOf.get(path.start.id) : undefined,
      );
      at = saml && federate ? (saml > federate ? saml : federate) : (saml ?? federate);
    }
    row.lastUsedAt = at ? at.toISOString() : null;
  }
}

/** The latest use, only by `who` when given. */
function latest(uses: HopUse[] | undefined, who: string | undefined): Date | undefined {
  let best: Date | undefined;
  for (const use of uses ?? []) {
    if (who !== undefined && use.who !== who) continue;
    if (!best || use.at > best) best = use.at;
  }
  return best;
}
