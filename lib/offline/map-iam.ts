import {
  decodePolicyDocument,
  parseCredentialReport,
  parseReservedSsoRole,
  type AccountCoverage,
  type AccountIam,
  type IamGroup,
  type IamManagedPolicy,
  type IamRole,
  type IamUser,
  type ManagedPolicyRef,
  type NamedPolicy,
  type PolicyDocument,
  type Tags,
} from "../aws";
import type { AccountIamFiles } from "./read-import-directory";
import type { PolicyDocumentInput } from "./schemas/common";
import type { AuthorizationDetails } from "./schemas/iam";

const AWS_MANAGED_POLICY = /^arn:[\w-]+:iam::aws:policy\//;

type RoleDetail = AuthorizationDetails["RoleDetailList"][number];
type UserDetail = AuthorizationDetails["UserDetailList"][number];
type GroupDetail = AuthorizationDetails["GroupDetailList"][number];
type PolicyDetail = AuthorizationDetails["Policies"][number];

/** The CLI prints IAM documents as objects; the API's URL-encoded text goes through lib/aws's decoder. */
function document(input: PolicyDocumentInput | null | undefined): PolicyDocument | null {
  if (input === null || input === undefined) return null;
  return typeof input === "string" ? decodePolicyDocument(input) : (input as PolicyDocument);
}

function inline(name: string, input: PolicyDocumentInput | undefined): NamedPolicy {
  if (typeof input === "string") {
    const decoded = decodePolicyDocument(input);
    // Same text lib/aws keeps: the decoded document as AWS wrote it.
    const text = input.trimStart().startsWith("{") ? input : safeDecode(input);
    return { name, document: decoded, rawDocument: text };
  }
  return { name, document: (input ?? null) as PolicyDocument | null, rawDocument: input ? JSON.stringify(input) : "" };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const tags = (list: Array<{ Key: string; Value?: string }> | undefined): Tags => Object.fromEntries((list ?? []).map((t) => [t.Key, t.Value ?? ""]));
const attached = (list: Array<{ PolicyName?: string; PolicyArn?: string }> | undefined): ManagedPolicyRef[] =>
  (list ?? []).map((p) => ({ name: p.PolicyName ?? "", arn: p.PolicyArn ?? "" }));

function toRole(accountId: string, r: RoleDetail, listed?: { max: number | null; description: string | null }): IamRole {
  const path = r.Path ?? "/";
  return {
    key: r.Arn,
    accountId,
    arn: r.Arn,
    roleName: r.RoleName,
    roleId: r.RoleId ?? "",
    path,
    createdAt: r.CreateDate ?? null,
    description: listed?.description ?? null,
    maxSessionDuration: listed?.max ?? null,
    trustPolicy: document(r.AssumeRolePolicyDocument),
    inlinePolicies: (r.RolePolicyList ?? []).map((p) => inline(p.PolicyName, p.PolicyDocument)),
    attachedManagedPolicies: attached(r.AttachedManagedPolicies),
    permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tags(r.Tags),
    lastUsedAt: r.RoleLastUsed?.LastUsedDate ?? null,
    lastUsedRegion: r.RoleLastUsed?.Region ?? null,
    instanceProfileArns: (r.InstanceProfileList ?? []).flatMap((p) => (p.Arn ? [p.Arn] : [])),
    isServiceLinked: path.startsWith("/aws-service-role/"),
    identityCenter: parseReservedSsoRole(path, r.RoleName),
  };
}

function toUser(accountId: string, u: UserDetail): IamUser {
  return {
    key: u.Arn,
    accountId,
    arn: u.Arn,
    userName: u.UserName,
    userId: u.UserId ?? "",
    path: u.Path ?? "/",
    createdAt: u.CreateDate ?? null,
    groupNames: u.GroupList ?? [],
    inlinePolicies: (u.UserPolicyList ?? []).map((p) => inline(p.PolicyName, p.PolicyDocument)),
    attachedManagedPolicies: attached(u.AttachedManagedPolicies),
    permissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tags(u.Tags),
  };
}

function toGroup(accountId: string, g: GroupDetail): IamGroup {
  return {
    key: g.Arn,
    accountId,
    arn: g.Arn,
    groupName: g.GroupName,
    groupId: g.GroupId ?? "",
    path: g.Path ?? "/",
    createdAt: g.CreateDate ?? null,
    inlinePolicies: (g.GroupPolicyList ?? []).map((p) => inline(p.PolicyName, p.PolicyDocument)),
    attachedManagedPolicies: attached(g.AttachedManagedPolicies),
  };
}

function toPolicy(accountId: string, p: PolicyDetail): IamManagedPolicy {
  const versions = p.PolicyVersionList ?? [];
  const defaultVersion = versions.find((v) => v.IsDefaultVersion) ?? versions.find((v) => v.VersionId === p.DefaultVersionId);
  return {
    key: p.Arn,
    accountId,
    arn: p.Arn,
    name: p.PolicyName ?? "",
    policyId: p.PolicyId ?? "",
    path: p.Path ?? "/",
    description: p.Description ?? null,
    defaultVersionId: p.DefaultVersionId ?? null,
    attachmentCount: p.AttachmentCount ?? null,
    isAttachable: p.IsAttachable ?? null,
    createdAt: p.CreateDate ?? null,
    updatedAt: p.UpdateDate ?? null,
    document: document(defaultVersion?.Document),
  };
}

/** One account's IAM from its files, with coverage that says which reads the files stand for. */
export function mapAccountIam(accountId: string, files: AccountIamFiles): { iam: AccountIam; coverage: AccountCoverage } {
  const details = files.authorizationDetails;
  const limits = new Map((files.listRoles?.Roles ?? []).map((r) => [r.Arn, { max: r.MaxSessionDuration ?? null, description: r.Description ?? null }]));
  const report = files.credentialReport;
  const iam: AccountIam = {
    accountId,
    roles: (details?.RoleDetailList ?? []).map((r) => toRole(accountId, r, limits.get(r.Arn))),
    users: (details?.UserDetailList ?? []).map((u) => toUser(accountId, u)),
    groups: (details?.GroupDetailList ?? []).map((g) => toGroup(accountId, g)),
    // AWS-managed policies are the same in every account; like the live collector (GAAD filter
    // LocalManagedPolicy) only customer-managed ones are kept, whether or not the CLI was told `--filter`.
    policies: (details?.Policies ?? []).filter((p) => !AWS_MANAGED_POLICY.test(p.Arn)).map((p) => toPolicy(accountId, p)),
    credentialReport: report ? { generatedAt: report.generatedAt, rows: parseCredentialReport(report.csv) } : null,
  };
  // As live: GAAD without ListRoles is PARTIAL (no session limits); an absent file is not collected.
  const authorizationDetails = details ? (files.listRoles ? "COLLECTED" : "PARTIAL") : "SKIPPED";
  const credentialReport = report ? "COLLECTED" : "SKIPPED";
  const complete = authorizationDetails === "COLLECTED" && credentialReport === "COLLECTED";
  const none = authorizationDetails === "SKIPPED" && credentialReport === "SKIPPED";
  return {
    iam,
    coverage: {
      accountId,
      iam: complete ? "COLLECTED" : none ? "SKIPPED" : "PARTIAL",
      authorizationDetails,
      credentialReport,
      reason: complete ? null : none ? "no IAM files in the import" : "some IAM files absent from the import",
    },
  };
}
