import type { EntityData, EntityKind } from "../snapshot";

/** Names of the things other entities refer to by id, as of either snapshot of the diff. */
export interface NameBook {
  accounts: Map<string, string>;
  users: Map<string, string>;
  groups: Map<string, string>;
  permissionSets: Map<string, string>;
}

export const KIND_LABELS: Record<EntityKind, string> = {
  ORGANIZATION: "Organization",
  ORG_ROOT: "Organization root",
  ORG_UNIT: "Organizational unit",
  ACCOUNT: "Account",
  IDC_INSTANCE: "Identity Center instance",
  IDC_USER: "Identity Center user",
  IDC_GROUP: "Identity Center group",
  IDC_GROUP_MEMBERSHIP: "Group membership",
  PERMISSION_SET: "Permission set",
  ACCOUNT_ASSIGNMENT: "Account assignment",
  IAM_ROLE: "IAM role",
  IAM_USER: "IAM user",
  IAM_GROUP: "IAM group",
  IAM_POLICY: "IAM policy",
  IAM_CREDENTIAL: "IAM credentials",
  SERVICE_CONTROL_POLICY: "Service control policy",
  AWS_MANAGED_POLICY: "AWS-managed policy",
};

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** A name a person recognises for one entity; falls back to its natural key. */
export function entityLabel(kind: EntityKind, naturalKey: string, data: EntityData, names: NameBook): string {
  const name = (map: Map<string, string>, id: unknown) => (text(id) ? (map.get(String(id)) ?? String(id)) : "?");
  switch (kind) {
    case "IDC_GROUP_MEMBERSHIP":
      return `${name(names.users, data.userId)} in ${name(names.groups, data.groupId)}`;
    case "ACCOUNT_ASSIGNMENT": {
      const principal = data.principalType === "GROUP" ? name(names.groups, data.principalId) : name(names.users, data.principalId);
      return `${name(names.permissionSets, data.permissionSetArn)} → ${String(data.principalType ?? "").toLowerCase()} ${principal} in ${name(names.accounts, data.accountId)}`;
    }
    case "IAM_ROLE":
      return text(data.roleName) ?? naturalKey;
    case "IAM_USER":
      return text(data.userName) ?? naturalKey;
    case "IAM_GROUP":
      return text(data.groupName) ?? naturalKey;
    case "IAM_CREDENTIAL":
      return data.isRoot === true ? "root user" : (text(data.user) ?? naturalKey);
    case "IDC_USER":
      return text(data.userName) ?? text(data.displayName) ?? naturalKey;
    case "IDC_GROUP":
      return text(data.displayName) ?? naturalKey;
    case "ACCOUNT":
      return text(data.name) ? `${String(data.name)} (${naturalKey})` : naturalKey;
    case "ORGANIZATION":
      return text(data.id) ?? naturalKey;
    case "IDC_INSTANCE":
      return text(data.name) ?? text(data.instanceArn) ?? naturalKey;
    case "ORG_ROOT":
    case "ORG_UNIT":
    case "PERMISSION_SET":
    case "IAM_POLICY":
    case "SERVICE_CONTROL_POLICY":
    case "AWS_MANAGED_POLICY":
      return text(data.name) ?? naturalKey;
  }
}
