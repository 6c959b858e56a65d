import type { IamRole, IamUser, OrgInventory, PolicyDocument, ServiceControlPolicy } from "../../aws";
import { makeAccount, makeInventory, makeRole } from "../../snapshot/testing/make-inventory";

export const MANAGEMENT = "111111111111";
export const PROD = "222222222222";
export const DEV = "333333333333";
export const OUTSIDE = "999999999999";
export const ORG_ID = "o-test";
export const PROD_OU = "ou-root-prod";

export const policy = (...statements: unknown[]): PolicyDocument => ({ Version: "2012-10-17", Statement: statements });
export const ALLOW_ASSUME = policy({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" });

/**
 * A three-account organization for graph tests: management (under the root), prod (in OU
 * `ou-root-prod`) and dev (under the root), no roles yet, SCPs collected and enabled but none
 * attached, an empty Identity Center.
 */
export function graphInventory(): OrgInventory {
  const state = makeInventory({ accounts: { [MANAGEMENT]: [], [PROD]: [], [DEV]: [] }, users: [], permissionSets: [] });
  state.roots[0]!.policyTypes = [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" }];
  state.ous = [
    {
      key: PROD_OU,
      id: PROD_OU,
      arn: `arn:aws:organizations::${MANAGEMENT}:ou/o-test/${PROD_OU}`,
      name: "Prod",
      parentId: "r-root",
      path: "Root/Prod",
    },
  ];
  state.accounts = [makeAccount(MANAGEMENT), makeAccount(PROD, { parentId: PROD_OU, ouPath: "Root/Prod" }), makeAccount(DEV)];
  state.coverage.serviceControlPolicies = "COLLECTED";
  state.coverage.awsManagedPolicies = "COLLECTED";
  state.serviceControlPolicies = [
    scp("p-FullAWSAccess", policy({ Effect: "Allow", Action: "*", Resource: "*" }), ["r-root", PROD_OU, MANAGEMENT, PROD, DEV]),
  ];
  return state;
}

export function addRole(state: OrgInventory, accountId: string, roleName: string, overrides: Partial<IamRole> = {}): IamRole {
  const role = makeRole(accountId, roleName, overrides);
  state.iamByAccount[accountId]!.roles.push(role);
  return role;
}

export function addUser(state: OrgInventory, accountId: string, userName: string, overrides: Partial<IamUser> = {}): IamUser {
  const arn = `arn:aws:iam::${accountId}:user/${userName}`;
  const user: IamUser = {
    key: arn,
    accountId,
    arn,
    userName,
    userId: `AIDA${userName.toUpperCase().padEnd(12, "X").slice(0, 12)}`,
    path: "/",
    createdAt: "2024-01-01T00:00:00.000Z",
    groupNames: [],
    inlinePolicies: [],
    attachedManagedPolicies: [],
    permissionsBoundaryArn: null,
    tags: {},
    ...overrides,
  };
  state.iamByAccount[accountId]!.users.push(user);
  return user;
}

export const inline = (name: string, document: PolicyDocument) => ({ name, document, rawDocument: JSON.stringify(document) });

export const trust = (principal: unknown, extra: Record<string, unknown> = {}): PolicyDocument =>
  policy({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });

export function scp(id: string, document: PolicyDocument, targetIds: string[]): ServiceControlPolicy {
  return {
    key: id,
    id,
    arn: `arn:aws:organizations::${MANAGEMENT}:policy/o-test/service_control_policy/${id}`,
    name: id,
    description: null,
    awsManaged: id === "p-FullAWSAccess",
    document,
    rawDocument: JSON.stringify(document),
    targets: targetIds.map((targetId) => ({
      targetId,
      type: targetId.startsWith("r-") ? "ROOT" : targetId.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT",
      name: null,
      arn: null,
    })),
  };
}
