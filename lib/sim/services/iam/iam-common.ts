import type { AccountIam, IamRole, IamUser } from "../../model/iam";
import { AwsError, queryValidationError } from "../../protocol/aws-error";
import type { FormParams } from "../../protocol/form-params";
import { fingerprint, paginate, type Page } from "../../protocol/pagination";
import type { RequestContext } from "../../protocol/request-context";
import { renderTrustPolicy } from "../../policy/render-trust-policy";
import { encodePolicyDocument } from "./encode-policy";

export function accountIam(ctx: RequestContext): AccountIam {
  return ctx.state.iam.getOrThrow(ctx.caller.accountId);
}

export const noSuchEntity = (message: string): AwsError => new AwsError("NoSuchEntity", message, 404);

export function requireUser(ctx: RequestContext, userName: string | undefined): IamUser {
  const name = userName ?? (ctx.caller.kind === "iam-user" ? ctx.caller.userName : undefined);
  if (name === undefined) throw queryValidationError("Must specify userName when calling with non-User credentials");
  const user = accountIam(ctx).users.find((u) => u.userName === name);
  if (user === undefined) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return user;
}

export function requireRole(ctx: RequestContext, roleName: string | undefined): IamRole {
  if (roleName === undefined)
    throw queryValidationError(
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  const role = accountIam(ctx).roles.find((r) => r.roleName === roleName);
  if (role === undefined) throw noSuchEntity(`The role with name ${roleName} cannot be found.`);
  return role;
}

/** IAM's Marker/MaxItems paging (MaxItems 1–1000, default 100). */
export function iamPage<T>(params: FormParams, all: readonly T[], print: unknown): Page<T> & { isTruncated: boolean } {
  const maxItems = params.int("MaxItems");
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000)) {
    throw queryValidationError(
      `1 validation error detected: Value '${params.get("MaxItems")}' at 'maxItems' failed to satisfy constraint: Member must have value ${maxItems > 1000 ? "less than or equal to 1000" : "greater than or equal to 1"}`,
    );
  }
  const page = paginate(all, {
    token: params.get("Marker"),
    limit: maxItems ?? 100,
    print: fingerprint(print),
    invalidToken: () => new AwsError("InvalidInput", "Invalid Marker.", 400),
  });
  return { ...page, isTruncated: page.nextToken !== undefined };
}

export const tagsXml = (tags: Array<{ key: string; value: string }>) => tags.map((t) => ({ Key: t.key, Value: t.value }));

export const attachedXml = (policies: Array<{ name: string; arn: string }>) =>
  policies.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn }));

export const boundaryXml = (arn: string | undefined) =>
  arn === undefined ? undefined : { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: arn };

/** The Role shape of GetRole (ListRoles omits boundary, tags and last use). */
export function roleXml(ctx: RequestContext, role: IamRole, isFull: boolean) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodePolicyDocument(renderTrustPolicy(ctx.state, role)),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    ...(isFull
      ? {
          PermissionsBoundary: boundaryXml(role.permissionsBoundaryArn),
          Tags: role.tags.length > 0 ? tagsXml(role.tags) : undefined,
          RoleLastUsed: role.lastUsed ? { LastUsedDate: role.lastUsed.date, Region: role.lastUsed.region } : {},
        }
      : {}),
  };
}
