import type { EntityData, EntityKind } from "../snapshot";

/** Which inventory page shows an entity, by the ids that page is addressed by; the app builds the URL. */
export type InventoryTarget =
  | { page: "account"; accountId: string }
  | { page: "iam-role"; arn: string }
  | { page: "iam-user"; accountId: string; userName: string }
  | { page: "permission-set"; arn: string }
  | { page: "idc-group"; groupId: string }
  | { page: "idc-user"; userName: string };

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The page of the entity itself, or of the closest thing that has one (a membership → its group); null when none does. */
export function inventoryTarget(kind: EntityKind, naturalKey: string, accountId: string | null, data: EntityData): InventoryTarget | null {
  switch (kind) {
    case "ACCOUNT":
      return { page: "account", accountId: naturalKey };
    case "IAM_ROLE":
      return { page: "iam-role", arn: naturalKey };
    case "IAM_USER":
    case "IAM_CREDENTIAL": {
      const userName = text(data.userName) ?? text(data.user);
      return accountId && userName && data.isRoot !== true ? { page: "iam-user", accountId, userName } : null;
    }
    case "PERMISSION_SET":
      return { page: "permission-set", arn: naturalKey };
    case "ACCOUNT_ASSIGNMENT": {
      const arn = text(data.permissionSetArn);
      return arn ? { page: "permission-set", arn } : null;
    }
    case "IDC_GROUP":
      return { page: "idc-group", groupId: naturalKey };
    case "IDC_GROUP_MEMBERSHIP": {
      const groupId = text(data.groupId);
      return groupId ? { page: "idc-group", groupId } : null;
    }
    case "IDC_USER": {
      const userName = text(data.userName);
      return userName ? { page: "idc-user", userName } : null;
    }
    case "ORGANIZATION":
    case "ORG_ROOT":
    case "ORG_UNIT":
    case "IDC_INSTANCE":
    case "IAM_GROUP":
    case "IAM_POLICY":
    case "SERVICE_CONTROL_POLICY":
    case "AWS_MANAGED_POLICY":
      return null;
  }
}
