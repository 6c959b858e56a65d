import type { AttachedPolicy, InlinePolicy } from "../../model/common";
import type { IamGroup } from "../../model/iam";
import { queryValidationError } from "../../protocol/aws-error";
import type { FormParams } from "../../protocol/form-params";
import type { QueryHandler, RequestContext } from "../../protocol/request-context";
import { accountIam, attachedXml, iamPage, noSuchEntity, requireRole } from "./iam-common";
import { encodePolicyDocument } from "./encode-policy";

/** What the per-entity policy reads need from a role, user or group. */
interface PolicyHolder {
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
}

interface EntityKind {
  /** `Role`, `User` or `Group`: the request's `<Kind>Name` parameter and the operation names. */
  kind: "Role" | "User" | "Group";
  find: (ctx: RequestContext, name: string) => PolicyHolder;
}

export function requiredName(params: FormParams, field: string): string {
  const value = params.get(field);
  if (value === undefined || value === "") {
    const member = field.charAt(0).toLowerCase() + field.slice(1);
    throw queryValidationError(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

export function findUserNamed(ctx: RequestContext, name: string) {
  const user = accountIam(ctx).users.find((u) => u.userName === name);
  if (user === undefined) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return user;
}

export function findGroupNamed(ctx: RequestContext, name: string): IamGroup {
  const group = accountIam(ctx).groups.find((g) => g.groupName === name);
  if (group === undefined) throw noSuchEntity(`The group with name ${name} cannot be found.`);
  return group;
}

const ENTITIES: EntityKind[] = [
  { kind: "Role", find: (ctx, name) => requireRole(ctx, name) },
  { kind: "User", find: findUserNamed },
  { kind: "Group", find: findGroupNamed },
];

/** A managed policy's path is the part of its ARN between `policy` and the name. */
function policyPath(arn: string): string {
  const resource = arn.slice(arn.indexOf(":policy/") + ":policy".length);
  return resource.slice(0, resource.lastIndexOf("/") + 1);
}

function operationsFor({ kind, find }: EntityKind): Record<string, QueryHandler> {
  const nameField = `${kind}Name`;
  const listAttached: QueryHandler = (ctx, params) => {
    const name = requiredName(params, nameField);
    const prefix = params.get("PathPrefix") ?? "/";
    const attached = find(ctx, name).attachedPolicies.filter((p) => policyPath(p.arn).startsWith(prefix));
    const page = iamPage(params, attached, [`ListAttached${kind}Policies`, ctx.caller.accountId, name, prefix]);
    return { AttachedPolicies: attachedXml(page.items), IsTruncated: page.isTruncated, Marker: page.nextToken };
  };
  const listInline: QueryHandler = (ctx, params) => {
    const name = requiredName(params, nameField);
    const page = iamPage(params, find(ctx, name).inlinePolicies, [`List${kind}Policies`, ctx.caller.accountId, name]);
    return { PolicyNames: page.items.map((p) => p.name), IsTruncated: page.isTruncated, Marker: page.nextToken };
  };
  const getInline: QueryHandler = (ctx, params) => {
    const name = requiredName(params, nameField);
    const policyName = requiredName(params, "PolicyName");
    const policy = find(ctx, name).inlinePolicies.find((p) => p.name === policyName);
    if (policy === undefined) throw noSuchEntity(`The ${kind.toLowerCase()} policy with name ${policyName} cannot be found.`);
    return { [nameField]: name, PolicyName: policy.name, PolicyDocument: encodePolicyDocument(policy.document) };
  };
  return {
    [`ListAttached${kind}Policies`]: listAttached,
    [`List${kind}Policies`]: listInline,
    [`Get${kind}Policy`]: getInline,
  };
}

/** ListAttached{Role,User,Group}Policies, List{Role,User,Group}Policies and Get{Role,User,Group}Policy. */
export const IAM_ENTITY_POLICY_OPERATIONS: Record<string, QueryHandler> = Object.assign({}, ...ENTITIES.map(operationsFor));
