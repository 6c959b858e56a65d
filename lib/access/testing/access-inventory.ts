import type { IamRole, OrgInventory, PermissionSet } from "../../aws";
import {
  ALLOW_ASSUME,
  DEV,
  MANAGEMENT,
  PROD,
  addRole,
  addUser,
  graphInventory,
  inline,
  policy,
  trust,
} from "../../graph/testing/graph-inventory";

export { DEV, MANAGEMENT, PROD };

const PS_PREFIX = "arn:aws:sso:::permissionSet/ssoins-test";
export const ADMIN_PS = `${PS_PREFIX}/ps-admin`;
export const VIEW_PS = `${PS_PREFIX}/ps-view`;
export const ADMIN_ROLE = `arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef`;
export const VIEW_ROLE = `arn:aws:iam::${DEV}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_View_fedcba9876543210`;
export const TEAM_ROLE = `arn:aws:iam::${PROD}:role/team/TeamRole`;
export const DEEP_ROLE = `arn:aws:iam::${DEV}:role/DeepRole`;
export const DEPLOY_ROLE = `arn:aws:iam::${PROD}:role/automation/DeployRole`;
export const CI_USER = `arn:aws:iam::${DEV}:user/ci`;

/**
 * A small organization with every kind of path: alice (group Devs) → Admin (PT8H) → its reserved
 * role in prod → TeamRole (MaxSessionDuration 8 h) → DeepRole in dev; bob directly → View (no
 * session set) in dev; IAM user ci → DeployRole (2 h) → DeepRole; carol in no group.
 */
export function accessInventory(): OrgInventory {
  const state = graphInventory();
  const idc = state.identityCenter!;
  const person = (userId: string, userName: string) =>
    idc.users.push({
      key: userId,
      userId,
      userName,
      displayName: userName[0]!.toUpperCase() + userName.slice(1),
      primaryEmail: `${userName}@example.com`,
      givenName: null,
      familyName: null,
      status: "ENABLED",
      externalIds: [],
    });
  person("u-alice", "alice");
  person("u-bob", "bob");
  person("u-carol", "carol");
  idc.groups.push({ key: "g-devs", groupId: "g-devs", displayName: "Devs", description: null, externalIds: [] });
  idc.memberships.push({ key: "g-devs|u-alice", membershipId: "m-1", groupId: "g-devs", userId: "u-alice" });
  idc.permissionSets.push(permissionSet(ADMIN_PS, "Admin", "PT8H", [PROD]), permissionSet(VIEW_PS, "View", null, [DEV]));
  idc.assignments.push(
    { key: `${PROD}|${ADMIN_PS}|GROUP|g-devs`, accountId: PROD, permissionSetArn: ADMIN_PS, principalType: "GROUP", principalId: "g-devs" },
    { key: `${DEV}|${VIEW_PS}|USER|u-bob`, accountId: DEV, permissionSetArn: VIEW_PS, principalType: "USER", principalId: "u-bob" },
  );
  reservedRole(state, ADMIN_ROLE, PROD, "Admin");
  reservedRole(state, VIEW_ROLE, DEV, "View");
  addRole(state, PROD, "TeamRole", {
    ...at(TEAM_ROLE),
    maxSessionDuration: 28_800,
    trustPolicy: trust({ AWS: ADMIN_ROLE }),
    inlinePolicies: [inline("chain", ALLOW_ASSUME)],
  });
  addRole(state, DEV, "DeepRole", { ...at(DEEP_ROLE), maxSessionDuration: 43_200, trustPolicy: trust({ AWS: [TEAM_ROLE, DEPLOY_ROLE] }) });
  addRole(state, PROD, "DeployRole", {
    ...at(DEPLOY_ROLE),
    maxSessionDuration: 7_200,
    trustPolicy: trust({ AWS: CI_USER }),
    inlinePolicies: [inline("chain", ALLOW_ASSUME)],
  });
  addUser(state, DEV, "ci", { inlinePolicies: [inline("assume", ALLOW_ASSUME)] });
  return state;
}

function at(arn: string): Pick<IamRole, "arn" | "key" | "path"> {
  const path = arn.slice(arn.indexOf(":role") + ":role".length, arn.lastIndexOf("/") + 1);
  return { arn, key: arn, path };
}

function reservedRole(state: OrgInventory, arn: string, accountId: string, permissionSetName: string): void {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  addRole(state, accountId, name, {
    ...at(arn),
    trustPolicy: policy({
      Effect: "Allow",
      Principal: { Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_abc_DO_NOT_DELETE` },
      Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    }),
    identityCenter: { permissionSetName, suffix: name.slice(-16), region: "eu-west-1", permissionSetArn: null },
  });
}

function permissionSet(arn: string, name: string, sessionDuration: string | null, accounts: string[]): PermissionSet {
  return {
    key: arn,
    arn,
    name,
    description: null,
    createdAt: null,
    sessionDuration,
    relayState: null,
    awsManagedPolicies: [],
    customerManagedPolicies: [],
    inlinePolicy: name === "Admin" ? inline("inline", ALLOW_ASSUME) : null,
    permissionsBoundary: null,
    tags: {},
    provisionedAccountIds: accounts,
  };
}
