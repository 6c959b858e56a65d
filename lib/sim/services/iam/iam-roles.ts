import { AwsError } from "../../protocol/aws-error";
import type { QueryHandler } from "../../protocol/request-context";
import { parsePolicyDocument, statementsOf, toList } from "../../policy/policy-document";
import { updateAssumeRolePolicyShape } from "../../cloudtrail/write-event-shapes";
import { recordApiWrite } from "../record-api-write";
import { accountIam, iamPage, requireRole, roleXml } from "./iam-common";

const listRoles: QueryHandler = (ctx, params) => {
  const prefix = params.get("PathPrefix") ?? "/";
  const roles = accountIam(ctx).roles.filter((r) => r.path.startsWith(prefix));
  const page = iamPage(params, roles, ["ListRoles", ctx.caller.accountId, prefix]);
  return {
    Roles: page.items.map((r) => roleXml(ctx, r, false)),
    IsTruncated: page.isTruncated,
    Marker: page.nextToken,
  };
};

const getRole: QueryHandler = (ctx, params) => ({ Role: roleXml(ctx, requireRole(ctx, params.get("RoleName")), true) });

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

const updateAssumeRolePolicy: QueryHandler = (ctx, params) => {
  const role = requireRole(ctx, params.get("RoleName"));
  if (role.isProtected) {
    throw new AwsError(
      "UnmodifiableEntity",
      `Cannot perform the operation on the protected role '${role.roleName}' - this role is only modifiable by AWS`,
      400,
    );
  }
  const text = params.get("PolicyDocument") ?? "";
  const doc = parsePolicyDocument(text);
  if (doc === undefined) throw new AwsError("MalformedPolicyDocument", "Syntax errors in policy.", 400);
  // IAM resolves role principals when the policy is saved and refuses ones that do not exist.
  for (const statement of statementsOf(doc)) {
    if (statement.Principal === undefined || statement.Principal === "*") continue;
    for (const principal of toList(statement.Principal.AWS as string | string[] | undefined)) {
      const match = ROLE_ARN.exec(principal);
      if (!match) continue;
      const target = ctx.state.iam.get(match[1] as string);
      if (target !== undefined && !target.roles.some((r) => r.arn === principal)) {
        throw new AwsError("MalformedPolicyDocument", `Invalid principal in policy: "AWS":"${principal}"`, 400);
      }
    }
  }
  ctx.state.revision++;
  role.trustPolicy = text;
  role.trustPolicyRevision = ctx.state.revision;
  recordApiWrite(ctx, updateAssumeRolePolicyShape(role.roleName, text));
  return undefined;
};

export const IAM_ROLE_OPERATIONS: Record<string, QueryHandler> = {
  ListRoles: listRoles,
  GetRole: getRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
};
