import type { CollectionStatus, InventoryCoverage, OrgInventory } from "../aws";
import { IAM_KINDS, type EntityKind } from "./entity-kinds";

/**
 * Decides, for an entity that was open before this run and is absent from it, whether its absence
 * means "deleted" (close the version) or "not looked at" (carry it over). Absence only counts as
 * deletion inside a scope the collector says it COLLECTED in full:
 * - organization entities: the Organizations section;
 * - Identity Center entities: their own part (users, groups, memberships, permission sets, assignments);
 * - an account's roles/users/groups/policies: that account's GetAccountAuthorizationDetails+ListRoles;
 * - an account's credential report rows: that account's credential report;
 * - SCPs and AWS-managed policy documents: their own section (absent coverage = not collected).
 * An account that has left the organization (Organizations COLLECTED, account absent) has all its
 * IAM entities closed; an account in the organization that was skipped or failed keeps them open.
 */
export type DeletionScopes = (kind: EntityKind, accountId: string | null) => boolean;

export function deletionScopes(inventory: OrgInventory): DeletionScopes {
  const { coverage } = inventory;
  const isOrganizationCollected = coverage.organization === "COLLECTED";
  const accountsInOrg = new Set(inventory.accounts.map((a) => a.id));
  const idc = identityCenterScopes(coverage, inventory.identityCenter !== null);

  return (kind, accountId) => {
    switch (kind) {
      case "ORGANIZATION":
      case "ORG_ROOT":
      case "ORG_UNIT":
      case "ACCOUNT":
        return isOrganizationCollected;
      case "SERVICE_CONTROL_POLICY":
        return coverage.serviceControlPolicies === "COLLECTED";
      case "AWS_MANAGED_POLICY":
        return coverage.awsManagedPolicies === "COLLECTED";
      case "IDC_INSTANCE":
      case "IDC_USER":
      case "IDC_GROUP":
      case "IDC_GROUP_MEMBERSHIP":
      case "PERMISSION_SET":
      case "ACCOUNT_ASSIGNMENT":
        return idc(kind);
      case "IAM_ROLE":
      case "IAM_USER":
      case "IAM_GROUP":
      case "IAM_POLICY":
      case "IAM_CREDENTIAL": {
        if (accountId === null) return false;
        const account = coverage.accounts[accountId];
        if (!account) return isOrganizationCollected && !accountsInOrg.has(accountId);
        const status = IAM_KINDS.has(kind) ? account.authorizationDetails : account.credentialReport;
        return status === "COLLECTED";
      }
      default:
        return assertNever(kind);
    }
  };
}

type IdcKind = "IDC_INSTANCE" | "IDC_USER" | "IDC_GROUP" | "IDC_GROUP_MEMBERSHIP" | "PERMISSION_SET" | "ACCOUNT_ASSIGNMENT";

function identityCenterScopes(coverage: InventoryCoverage, hasInstance: boolean): (kind: IdcKind) => boolean {
  const parts = coverage.identityCenter;
  // Instance lookup COLLECTED with no instance: Identity Center is gone, so is everything in it.
  const isGone = parts.instance === "COLLECTED" && !hasInstance;
  const collected = (status: CollectionStatus) => isGone || status === "COLLECTED";
  return (kind) => {
    switch (kind) {
      case "IDC_INSTANCE":
        return collected(parts.instance);
      case "IDC_USER":
        return collected(parts.users);
      case "IDC_GROUP":
        return collected(parts.groups);
      case "IDC_GROUP_MEMBERSHIP":
        return collected(parts.memberships);
      case "PERMISSION_SET":
        return collected(parts.permissionSets);
      case "ACCOUNT_ASSIGNMENT":
        return collected(parts.assignments);
      default:
        return assertNever(kind);
    }
  };
}

function assertNever(value: never): never {
  throw new Error(`unhandled entity kind ${String(value)}`);
}
