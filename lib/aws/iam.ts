import {
  GetAccountAuthorizationDetailsCommand,
  ListRolesCommand,
  type GroupDetail,
  type IAMClient,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from "@aws-sdk/client-iam";
import type { CollectionLog } from "./collection-log";
import { fetchCredentialReport, type CredentialReportPolling } from "./credential-report";
import { collectAll, MARKER } from "./paginate";
import { decodePolicyDocument, namedPolicy } from "./policy-document";
import { parseReservedSsoRole } from "./reserved-role";
import type { AccountIam, CollectionStatus, IamGroup, IamManagedPolicy, IamRole, IamUser, ManagedPolicyRef, Tags } from "./types";
import type { Clock } from "./pacer";

/** GAAD filters: everything but AWS-managed policies, which are the same in every account. */
export const GAAD_FILTER = ["Role", "User", "Group", "LocalManagedPolicy"] as const;

interface GaadPage {
  UserDetailList?: UserDetail[];
  GroupDetailList?: GroupDetail[];
  RoleDetailList?: RoleDetail[];
  Policies?: ManagedPolicyDetail[];
}

export interface AccountIamResult {
  iam: AccountIam;
  authorizationDetails: CollectionStatus;
  credentialReport: CollectionStatus;
}

/**
 * One account's IAM in three paginated reads: GAAD (roles, users, groups, customer policies),
 * ListRoles (MaxSessionDuration, Description — GAAD omits them) and the credential report.
 * No per-role or per-user calls. Throws only if GAAD fails; the other two degrade to PARTIAL.
 */
export async function collectAccountIam(
  iam: IAMClient,
  accountId: string,
  opts: { log: CollectionLog; polling: CredentialReportPolling; clock?: Clock },
): Promise<AccountIamResult> {
  const site = (operation: string) => ({ accountId, service: "iam", operation });

  const [pages, listedRoles, credentialReport] = await Promise.all([
    collectAll({
      client: iam,
      command: GetAccountAuthorizationDetailsCommand,
      input: { Filter: [...GAAD_FILTER], MaxItems: 1000 },
      items: (page): GaadPage[] => [page],
      tokens: MARKER,
    }),
    opts.log.attempt(site("ListRoles"), () =>
      collectAll({ client: iam, command: ListRolesCommand, input: { MaxItems: 1000 }, items: (p) => p.Roles, tokens: MARKER }),
    ),
    opts.log.attempt(site("GetCredentialReport"), () => fetchCredentialReport(iam, opts.polling, opts.clock)),
  ]);

  const sessionLimits = new Map((listedRoles ?? []).map((r) => [r.Arn, { max: r.MaxSessionDuration, description: r.Description }]));
  const roles = pages.flatMap((p) => p.RoleDetailList ?? []).map((r) => toRole(accountId, r, sessionLimits.get(r.Arn)));
  const users = pages.flatMap((p) => p.UserDetailList ?? []).map((u) => toUser(accountId, u));
  const groups = pages.flatMap((p) => p.GroupDetailList ?? []).map((g) => toGroup(accountId, g));
  const policies = pages.flatMap((p) => p.Policies ?? []).map((p) => toPolicy(accountId, p));

  return {
    iam: { accountId, roles, users, groups, policies, credentialReport: credentialReport ?? null },
    authorizationDetails: listedRoles ? "COLLECTED" : "PARTIAL",
    credentialReport: credentialReport ? "COLLECTED" : "FAILED",
  };
}

function iso(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}

function tags(list: Array<{ Key?: string; Value?: string }> | undefined): Tags {
  return Object.fromEntries((list ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
}

function attached(list: Array<{ PolicyName?: string; PolicyArn?: string }> | undefined): ManagedPolicyRef[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? "", arn: p.PolicyArn ?? "" }));
}

function toRole(accountId: string, r: RoleDetail, listed?: { max?: number; description?: string }): IamRole {
  const arn = r.Arn ?? "";
  const path = r.Path ?? "/";
  const roleName = r.RoleName ?? "";
  return {
    key: arn,
    accountId,
    arn,
    roleName,
    roleId: r.RoleId ?? "",
    path,
    createdAt: iso(r.CreateDate),
    description: listed?.description ?? null,
    maxSessionDuration: listed?.max ?? null,
    trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
    inlinePolicies: (r.RolePolicyList ?? []).map((p) => namedPolicy(p.PolicyName, p.PolicyDocument)),
    attachedManagedPolicies: attached(r.AttachedManagedPolicies),
    permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tags(r.Tags),
    lastUsedAt: iso(r.RoleLastUsed?.LastUsedDate),
    lastUsedRegion: r.RoleLastUsed?.Region ?? null,
    instanceProfileArns: (r.InstanceProfileList ?? []).flatMap((p) => (p.Arn ? [p.Arn] : [])),
    isServiceLinked: path.startsWith("/aws-service-role/"),
    identityCenter: parseReservedSsoRole(path, roleName),
  };
}

function toUser(accountId: string, u: UserDetail): IamUser {
  const arn = u.Arn ?? "";
  return {
    key: arn,
    accountId,
    arn,
    userName: u.UserName ?? "",
    userId: u.UserId ?? "",
    path: u.Path ?? "/",
    createdAt: iso(u.CreateDate),
    groupNames: u.GroupList ?? [],
    inlinePolicies: (u.UserPolicyList ?? []).map((p) => namedPolicy(p.PolicyName, p.PolicyDocument)),
    attachedManagedPolicies: attached(u.AttachedManagedPolicies),
    permissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tags(u.Tags),
  };
}

function toGroup(accountId: string, g: GroupDetail): IamGroup {
  const arn = g.Arn ?? "";
  return {
    key: arn,
    accountId,
    arn,
    groupName: g.GroupName ?? "",
    groupId: g.GroupId ?? "",
    path: g.Path ?? "/",
    createdAt: iso(g.CreateDate),
    inlinePolicies: (g.GroupPolicyList ?? []).map((p) => namedPolicy(p.PolicyName, p.PolicyDocument)),
    attachedManagedPolicies: attached(g.AttachedManagedPolicies),
  };
}

function toPolicy(accountId: string, p: ManagedPolicyDetail): IamManagedPolicy {
  const arn = p.Arn ?? "";
  const defaultVersion = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
  return {
    key: arn,
    accountId,
    arn,
    name: p.PolicyName ?? "",
    policyId: p.PolicyId ?? "",
    path: p.Path ?? "/",
    description: p.Description ?? null,
    defaultVersionId: p.DefaultVersionId ?? null,
    attachmentCount: p.AttachmentCount ?? null,
    isAttachable: p.IsAttachable ?? null,
    createdAt: iso(p.CreateDate),
    updatedAt: iso(p.UpdateDate),
    document: decodePolicyDocument(defaultVersion?.Document),
  };
}
