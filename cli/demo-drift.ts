import type { PolicyDocument } from "../lib/aws";
import type { Db } from "../lib/db";
import { diffJson } from "../lib/drift";
import { findEntities, getLatestReadableSnapshot } from "../lib/snapshot";
import type { SimServer } from "../lib/sim";

/**
 * The change `vigil demo` makes after its baseline snapshot, so the drift page has something to
 * show: through the simulator's admin API, as people would through AWS (each records the
 * CloudTrail write event AWS would):
 * - payments-prod's DeployRole, assumed by CI, comes to trust its whole account (a new statement
 *   naming the account root), changed by a platform engineer through OrganizationAccountAccessRole;
 * - a QA engineer joins platform-engineers, the group with AdministratorAccess;
 * - AdministratorAccess sessions go from 1 to 12 hours.
 */
const TRUST = { accountName: "payments-prod", roleName: "DeployRole", changedBy: "lucas.moreau", sourceIp: "198.51.100.23" };
const MEMBERSHIP = { group: "platform-engineers", userPrefix: "zoe.lambert@" };
const SESSION = { permissionSet: "AdministratorAccess", sessionDuration: "PT12H" };
const WIDENING_SID = "AllowWholeAccount";

export interface DemoDrift {
  roleArn: string;
  widenedTrust: PolicyDocument;
  /** natural key of the new membership (`groupId|userId`) */
  membershipKey: string;
  /** applies the three changes to the simulator; `membershipId` restores the id a replayed membership had */
  apply(replay?: { membershipId: string | null }): void;
}

/** The scripted change, worked out from the simulator's (unchanged) demo organization. */
export function planDemoDrift(simulator: SimServer): DemoDrift {
  const state = simulator.state;
  const account = state.accounts.find((a) => a.name === TRUST.accountName);
  if (!account) throw new Error(`the demo organization has no account ${TRUST.accountName}`);
  const role = state.iam.getOrThrow(account.id).roles.find((r) => r.roleName === TRUST.roleName);
  if (!role) throw new Error(`${TRUST.accountName} has no role ${TRUST.roleName}`);
  const user = state.identityCenter.users.find((u) => u.userName.startsWith(MEMBERSHIP.userPrefix));
  if (!user) throw new Error(`the demo organization has no Identity Center user ${MEMBERSHIP.userPrefix}…`);
  const changer = state.identityCenter.users.find((u) => u.userName.startsWith(`${TRUST.changedBy}@`))?.userName ?? TRUST.changedBy;

  const original = JSON.parse(role.trustPolicy) as PolicyDocument;
  const statements = Array.isArray(original.Statement) ? original.Statement : [original.Statement];
  const widenedTrust: PolicyDocument = {
    ...original,
    Statement: [
      ...statements,
      { Sid: WIDENING_SID, Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account.id}:root` }, Action: "sts:AssumeRole" },
    ],
  };
  const group = state.identityCenter.groups.find((g) => g.displayName === MEMBERSHIP.group);
  if (!group) throw new Error(`the demo organization has no group ${MEMBERSHIP.group}`);
  return {
    roleArn: role.arn,
    widenedTrust,
    membershipKey: `${group.groupId}|${user.userId}`,
    apply(replay) {
      const admin = simulator.admin;
      admin.setTrustPolicy(account.id, TRUST.roleName, widenedTrust, {
        roleName: "OrganizationAccountAccessRole",
        sessionName: changer,
        sourceIp: TRUST.sourceIp,
      });
      const membership = admin.addGroupMembership({ group: MEMBERSHIP.group, user: user.userName });
      // The simulator gives every new membership a random id (as Identity Store does). A replay restores
      // the membership Vigil saw rather than making a new one, so it keeps the recorded id.
      if (replay?.membershipId) membership.membershipId = replay.membershipId;
      admin.updatePermissionSet(SESSION.permissionSet, { sessionDuration: SESSION.sessionDuration });
    },
  };
}

/**
 * What Vigil's latest snapshot holds of the scripted change, or null when it does not hold it. When
 * it does, this is a restart: the fresh simulator is back at the baseline, and the change is replayed
 * into it (not snapshotted again), so the next snapshot finds nothing changed. Decided from the
 * database, not a marker file, so a new database with an old data directory still gets its drift.
 */
export async function findRecordedDemoDrift(db: Db, drift: DemoDrift): Promise<{ membershipId: string | null } | null> {
  const latest = await getLatestReadableSnapshot(db);
  if (!latest) return null;
  const find = (kind: "IAM_ROLE" | "IDC_GROUP_MEMBERSHIP", key: string) =>
    findEntities(db, { snapshotId: latest.id, kind, where: { keyPrefix: key }, pageSize: 10 }).then(
      (page) => page.rows.find((row) => row.naturalKey === key) ?? null,
    );
  const [role, membership] = await Promise.all([find("IAM_ROLE", drift.roleArn), find("IDC_GROUP_MEMBERSHIP", drift.membershipKey)]);
  if (!role || diffJson(role.data.trustPolicy, drift.widenedTrust).length > 0) return null;
  return { membershipId: typeof membership?.data.membershipId === "string" ? membership.data.membershipId : null };
}
