import type { AccountIam } from "../../model/iam";
import { AwsError } from "../../protocol/aws-error";
import type { QueryHandler } from "../../protocol/request-context";
import { renderTrustPolicy } from "../../policy/render-trust-policy";
import { findAwsManagedPolicy } from "../../catalog/aws-managed-policies";
import { accountIam, attachedXml, boundaryXml, iamPage, tagsXml } from "./iam-common";
import { encodePolicyDocument } from "./encode-policy";
import {
  AWS_POLICY_ARN_PREFIX,
  awsPolicyView,
  localPolicyView,
  policyUsage,
  policyXml,
  type ManagedPolicyView,
} from "./managed-policy-views";

const ENTITY_FILTERS = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const;
type EntityFilter = (typeof ENTITY_FILTERS)[number];

type Entry =
  | { kind: "User"; item: AccountIam["users"][number] }
  | { kind: "Group"; item: AccountIam["groups"][number] }
  | { kind: "Role"; item: AccountIam["roles"][number] }
  | { kind: "Policy"; item: ManagedPolicyView };

/** Local policies always; AWS managed ones only while something in the account uses them. */
function policyEntries(iam: AccountIam, wants: Set<EntityFilter>): ManagedPolicyView[] {
  const usage = policyUsage(iam);
  const out: ManagedPolicyView[] = wants.has("LocalManagedPolicy") ? iam.policies.map((p) => localPolicyView(p, usage)) : [];
  if (wants.has("AWSManagedPolicy")) {
    const used = new Set([...usage.attached.keys(), ...usage.boundaries.keys()].filter((arn) => arn.startsWith(AWS_POLICY_ARN_PREFIX)));
    for (const arn of [...used].sort()) {
      const p = findAwsManagedPolicy(arn);
      if (p !== undefined) out.push(awsPolicyView(p, usage));
    }
  }
  return out;
}

const getAccountAuthorizationDetails: QueryHandler = (ctx, params) => {
  const filters = params.list("Filter");
  for (const f of filters) {
    if (!(ENTITY_FILTERS as readonly string[]).includes(f)) {
      throw new AwsError(
        "ValidationError",
        `1 validation error detected: Value '[${filters.join(", ")}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [LocalManagedPolicy, Role, Group, AWSManagedPolicy, User]]`,
        400,
      );
    }
  }
  const wants = new Set<EntityFilter>(filters.length > 0 ? (filters as EntityFilter[]) : ENTITY_FILTERS);
  const iam = accountIam(ctx);
  const entries: Entry[] = [
    ...(wants.has("User") ? iam.users.map((item) => ({ kind: "User" as const, item })) : []),
    ...(wants.has("Group") ? iam.groups.map((item) => ({ kind: "Group" as const, item })) : []),
    ...(wants.has("Role") ? iam.roles.map((item) => ({ kind: "Role" as const, item })) : []),
    ...policyEntries(iam, wants).map((item) => ({ kind: "Policy" as const, item })),
  ];
  const page = iamPage(params, entries, ["GAAD", ctx.caller.accountId, [...wants].sort()]);
  const of = <K extends Entry["kind"]>(kind: K) =>
    page.items.filter((e): e is Extract<Entry, { kind: K }> => e.kind === kind).map((e) => e.item as Extract<Entry, { kind: K }>["item"]);
  const inline = (list: Array<{ name: string; document: string }>) =>
    list.map((p) => ({ PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) }));

  return {
    IsTruncated: page.isTruncated,
    Marker: page.nextToken,
    UserDetailList: of("User").map((u) => ({
      Path: u.path,
      UserName: u.userName,
      UserId: u.userId,
      Arn: u.arn,
      CreateDate: u.createDate,
      UserPolicyList: inline(u.inlinePolicies),
      GroupList: u.groups,
      AttachedManagedPolicies: attachedXml(u.attachedPolicies),
      PermissionsBoundary: boundaryXml(u.permissionsBoundaryArn),
      Tags: tagsXml(u.tags),
    })),
    GroupDetailList: of("Group").map((g) => ({
      Path: g.path,
      GroupName: g.groupName,
      GroupId: g.groupId,
      Arn: g.arn,
      CreateDate: g.createDate,
      GroupPolicyList: inline(g.inlinePolicies),
      AttachedManagedPolicies: attachedXml(g.attachedPolicies),
    })),
    RoleDetailList: of("Role").map((r) => ({
      Path: r.path,
      RoleName: r.roleName,
      RoleId: r.roleId,
      Arn: r.arn,
      CreateDate: r.createDate,
      AssumeRolePolicyDocument: encodePolicyDocument(renderTrustPolicy(ctx.state, r)),
      InstanceProfileList: [],
      RolePolicyList: inline(r.inlinePolicies),
      AttachedManagedPolicies: attachedXml(r.attachedPolicies),
      PermissionsBoundary: boundaryXml(r.permissionsBoundaryArn),
      Tags: tagsXml(r.tags),
      RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.date, Region: r.lastUsed.region } : {},
    })),
    Policies: of("Policy").map((p) => ({
      ...policyXml(p, true),
      PolicyVersionList: [
        {
          Document: encodePolicyDocument(p.document),
          VersionId: p.defaultVersionId,
          IsDefaultVersion: true,
          CreateDate: p.versionCreateDate,
        },
      ],
    })),
  };
};

export const IAM_AUTHORIZATION_OPERATIONS: Record<string, QueryHandler> = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
};
