import type { IamRole, PermissionSet } from "../aws";
import type { PolicyStatement } from "../policy";
import type { AccessFix } from "./explain-types";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Add the caller to the target's trust policy. */
export function trustFix(target: IamRole, callerArn: string): AccessFix {
  const statement = { Effect: "Allow", Principal: { AWS: callerArn }, Action: "sts:AssumeRole" };
  return {
    text: `Add ${callerArn} as a principal of ${target.roleName}'s trust policy (a statement allowing sts:AssumeRole).`,
    cli: `aws iam update-assume-role-policy --role-name ${target.roleName} --policy-document file://trust.json  # trust.json: the current trust with ${json(statement)} added to Statement`,
    terraform: `data "aws_iam_policy_document" "${tfName(target.roleName)}_trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["${callerArn}"]\n    }\n  }\n}\n# aws_iam_role.${tfName(target.roleName)}.assume_role_policy = data.aws_iam_policy_document.${tfName(target.roleName)}_trust.json`,
  };
}

/** Let the caller's identity policy (its permission set's inline policy, or the role's own) assume the target. */
export function identityFix(
  targetArn: string,
  permissionSet: PermissionSet | null,
  instanceArn: string | null,
  callerRole: string,
): AccessFix {
  const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: targetArn }] };
  if (permissionSet) {
    return {
      text: `Give permission set ${permissionSet.name} an inline policy allowing sts:AssumeRole on ${targetArn}, then re-provision it.`,
      cli: `aws sso-admin put-inline-policy-to-permission-set --instance-arn ${instanceArn ?? "<instance-arn>"} --permission-set-arn ${permissionSet.arn} --inline-policy '${JSON.stringify(policy)}' && aws sso-admin provision-permission-set --instance-arn ${instanceArn ?? "<instance-arn>"} --permission-set-arn ${permissionSet.arn} --target-type ALL_PROVISIONED_ACCOUNTS`,
      terraform: `resource "aws_ssoadmin_permission_set_inline_policy" "${tfName(permissionSet.name)}" {\n  instance_arn       = "${instanceArn ?? "<instance-arn>"}"\n  permission_set_arn = "${permissionSet.arn}"\n  inline_policy      = jsonencode(${JSON.stringify(policy)})\n}`,
    };
  }
  return {
    text: `Give ${callerRole} an identity policy allowing sts:AssumeRole on ${targetArn}.`,
    cli: `aws iam put-role-policy --role-name ${callerRole} --policy-name assume-${tfName(targetArn.split("/").pop() ?? "target")} --policy-document '${JSON.stringify(policy)}'`,
    terraform: `resource "aws_iam_role_policy" "assume_${tfName(targetArn.split("/").pop() ?? "target")}" {\n  role   = "${callerRole}"\n  policy = jsonencode(${JSON.stringify(policy)})\n}`,
  };
}

export function scpFix(scpName: string, scpId: string, statement: PolicyStatement, callerArn: string): AccessFix {
  return {
    text: `SCP ${scpName} denies it${statement.Sid ? ` (statement ${statement.Sid})` : ""}: exempt ${callerArn} (e.g. an ArnNotLike aws:PrincipalArn condition), or run the hop from an account the SCP does not cover.`,
    cli: `aws organizations update-policy --policy-id ${scpId} --content file://scp.json  # scp.json: the SCP with the exemption`,
    terraform: `# aws_organizations_policy for ${scpName}: add to the Deny statement\n# condition { test = "ArnNotLike" variable = "aws:PrincipalArn" values = ["${callerArn}"] }`,
  };
}

export function conditionFix(target: IamRole, key: string, values: readonly string[], actual: string | null): AccessFix {
  return {
    text: `${target.roleName}'s trust requires ${key} to be ${values.join(" or ")}${actual === null ? " and the caller has none" : `; the caller's is ${actual}`}: change the condition, or use a principal that meets it.`,
    cli: `aws iam update-assume-role-policy --role-name ${target.roleName} --policy-document file://trust.json  # with the condition on ${key} widened`,
    terraform: `# in the trust's statement: condition { test = "..." variable = "${key}" values = [${values.map((v) => `"${v}"`).join(", ")}] }`,
  };
}

export function assignmentFix(
  who: string,
  principalType: "USER" | "GROUP",
  permissionSetName: string,
  permissionSetArn: string | null,
  accountId: string,
  instanceArn: string | null,
): AccessFix {
  return {
    text: `Assign permission set ${permissionSetName} on account ${accountId} to ${who} (or to a group of theirs).`,
    cli: `aws sso-admin create-account-assignment --instance-arn ${instanceArn ?? "<instance-arn>"} --target-id ${accountId} --target-type AWS_ACCOUNT --permission-set-arn ${permissionSetArn ?? "<permission-set-arn>"} --principal-type ${principalType} --principal-id <${principalType === "USER" ? "user" : "group"}-id of ${who}>`,
    terraform: `resource "aws_ssoadmin_account_assignment" "${tfName(permissionSetName)}_${accountId}" {\n  instance_arn       = "${instanceArn ?? "<instance-arn>"}"\n  permission_set_arn = "${permissionSetArn ?? "<permission-set-arn>"}"\n  principal_type     = "${principalType}"\n  principal_id       = "<id of ${who}>"\n  target_type        = "AWS_ACCOUNT"\n  target_id          = "${accountId}"\n}`,
  };
}

export function provisionFix(permissionSet: PermissionSet, accountId: string, instanceArn: string | null): AccessFix {
  return {
    text: `Provision permission set ${permissionSet.name} to account ${accountId} (the assignment exists; its role does not).`,
    cli: `aws sso-admin provision-permission-set --instance-arn ${instanceArn ?? "<instance-arn>"} --permission-set-arn ${permissionSet.arn} --target-type AWS_ACCOUNT --target-id ${accountId}`,
    terraform: `# re-apply the aws_ssoadmin_account_assignment for ${permissionSet.name} on ${accountId} (Terraform provisions on assignment)`,
  };
}

const tfName = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60) || "x";
