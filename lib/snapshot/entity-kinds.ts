import type { Prisma } from "../db";

export type EntityKind = Prisma.EntityKind;

/** Write and read order: parents before children, so progress reads naturally. */
export const ENTITY_KINDS = [
  "ORGANIZATION",
  "ORG_ROOT",
  "ORG_UNIT",
  "ACCOUNT",
  "IDC_INSTANCE",
  "IDC_USER",
  "IDC_GROUP",
  "IDC_GROUP_MEMBERSHIP",
  "PERMISSION_SET",
  "ACCOUNT_ASSIGNMENT",
  "IAM_ROLE",
  "IAM_USER",
  "IAM_GROUP",
  "IAM_POLICY",
  "IAM_CREDENTIAL",
  "SERVICE_CONTROL_POLICY",
  "AWS_MANAGED_POLICY",
] as const satisfies readonly EntityKind[];

/** Natural keys of the entities there is only one of per organization. */
export const SINGLETON_KEYS = { ORGANIZATION: "organization", IDC_INSTANCE: "identity-center" } as const;

/** Kinds whose rows belong to one account's IAM and are collected per account. */
export const IAM_KINDS: ReadonlySet<EntityKind> = new Set(["IAM_ROLE", "IAM_USER", "IAM_GROUP", "IAM_POLICY"]);

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
