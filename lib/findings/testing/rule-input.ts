import type { AccountAssignment, IamUser, OrgInventory } from "../../aws";
import { makeInventory } from "../../snapshot/testing/make-inventory";
import { noFindingEvents, type FindingEvents } from "../finding-events";
import { DEFAULT_FINDING_SETTINGS } from "../findings-settings";
import type { RuleInput } from "../types";

export const MANAGEMENT = "111111111111";
export const MEMBER = "222222222222";
export const OUTSIDER = "999988887777";
export const AS_OF = new Date("2026-06-01T00:00:00.000Z");

export function daysBefore(days: number, from: Date = AS_OF): string {
  return new Date(from.getTime() - days * 86_400_000).toISOString();
}

/** An organization of two accounts (management + member), each with the named roles, and Identity Center users alice and bob. */
export function baseState(roles: { management?: string[]; member?: string[] } = {}): OrgInventory {
  return makeInventory({
    accounts: { [MANAGEMENT]: roles.management ?? [], [MEMBER]: roles.member ?? [] },
    users: ["alice", "bob"],
    permissionSets: [],
  });
}

export function makeIamUser(accountId: string, userName: string, overrides: Partial<IamUser> = {}): IamUser {
  const arn = `arn:aws:iam::${accountId}:user/${userName}`;
  return {
    key: arn,
    accountId,
    arn,
    userName,
    userId: `AIDA${userName.toUpperCase().padEnd(12, "X").slice(0, 12)}`,
    path: "/",
    createdAt: daysBefore(400),
    groupNames: [],
    inlinePolicies: [],
    attachedManagedPolicies: [],
    permissionsBoundaryArn: null,
    tags: {},
    ...overrides,
  };
}

export function makeAssignment(
  accountId: string,
  permissionSetArn: string,
  principalType: "USER" | "GROUP",
  principalId: string,
): AccountAssignment {
  return {
    key: `${accountId}|${permissionSetArn}|${principalType}|${principalId}`,
    accountId,
    permissionSetArn,
    principalType,
    principalId,
  };
}

export function ruleInput(state: OrgInventory, overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    state,
    graph: null,
    events: noFindingEvents(AS_OF),
    settings: DEFAULT_FINDING_SETTINGS,
    baselines: new Map(),
    asOf: AS_OF,
    ...overrides,
  };
}

export function withEvents(patch: Partial<FindingEvents>): FindingEvents {
  return { ...noFindingEvents(AS_OF), ...patch };
}
