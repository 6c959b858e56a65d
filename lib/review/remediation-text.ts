import type { IamRole, OrgInventory } from "../aws";
import { hclString, shellArg, shellComment } from "./shell-quote";
import type { ReviewItemView } from "./review-types";

export interface RemediationText {
  awsCli: string;
  terraform: string;
}

/**
 * What to remove in AWS to carry out a revoke, as AWS CLI commands and a Terraform hint. Vigil does
 * not change AWS: these are for the account's owner to run (or to change in code). Every value is
 * shell-quoted (names in AWS can hold quotes, spaces, `$(…)`), every comment kept on one line.
 */
export function remediationText(item: ReviewItemView, state: OrgInventory | null): RemediationText {
  const start = item.via[0];
  if (item.permissionSetArn) return permissionSetRemedy(item, state);
  if (start?.kind === "IAM_USER" && item.via.length === 1) return iamUserRemedy(item, state);
  return trustRemedy(item, state) ?? unknownRemedy(item);
}

function permissionSetRemedy(item: ReviewItemView, state: OrgInventory | null): RemediationText {
  const permissionSetArn = item.permissionSetArn!;
  const person = item.via.find((hop) => hop.kind === "IDC_USER");
  const group = item.via.find((hop) => hop.kind === "IDC_GROUP");
  const userId = person?.id.replace(/^idc-user:/, "") ?? "";
  const groupId = group?.id.replace(/^idc-group:/, "") ?? null;
  // The instance ARN is the permission set ARN's instance: arn:aws:sso:::permissionSet/ssoins-X/ps-Y.
  const instanceArn =
    state?.identityCenter?.instance.instanceArn ?? permissionSetArn.replace(/:permissionSet\/(ssoins-[^/]+)\/.*$/, ":instance/$1");
  const principalType = groupId ? "GROUP" : "USER";
  const principalId = groupId ?? userId;
  const cli = [
    shellComment(
      groupId
        ? `${item.personName} reaches account ${item.accountId} through group ${group!.label}: remove the person from the group (first), or the group's assignment (every member loses it)`
        : `remove ${item.personName}'s assignment of ${item.permissionSetName ?? permissionSetArn} in account ${item.accountId}`,
    ),
  ];
  const terraform = [];
  if (groupId) {
    const membership = state?.identityCenter?.memberships.find((m) => m.groupId === groupId && m.userId === userId);
    const identityStoreId = state?.identityCenter?.instance.identityStoreId ?? "<identity-store-id>";
    cli.push(
      [
        "aws identitystore delete-group-membership",
        shellArg("--identity-store-id", identityStoreId),
        shellArg("--membership-id", membership?.membershipId ?? "<membership-id>"),
      ].join(" "),
    );
    terraform.push(
      `# remove the aws_identitystore_group_membership with group_id = ${hclString(groupId)} and member_id = ${hclString(userId)}`,
    );
  }
  cli.push(
    [
      "aws sso-admin delete-account-assignment",
      shellArg("--instance-arn", instanceArn),
      shellArg("--target-id", item.accountId),
      "--target-type AWS_ACCOUNT",
      shellArg("--permission-set-arn", permissionSetArn),
      `--principal-type ${principalType}`,
      shellArg("--principal-id", principalId),
    ].join(" "),
  );
  terraform.push(
    [
      `# ${groupId ? "or " : ""}remove this aws_ssoadmin_account_assignment:`,
      `#   instance_arn       = ${hclString(instanceArn)}`,
      `#   permission_set_arn = ${hclString(permissionSetArn)}`,
      `#   principal_type     = "${principalType}"`,
      `#   principal_id       = ${hclString(principalId)}`,
      `#   target_id          = ${hclString(item.accountId)}`,
      `#   target_type        = "AWS_ACCOUNT"`,
    ].join("\n"),
  );
  const chained = item.via.filter((hop) => hop.kind === "IAM_ROLE" || hop.kind === "RESERVED_ROLE").length > 1;
  const trust = chained ? trustRemedy(item, state) : null;
  if (trust) {
    cli.push(shellComment("or cut the role chain after the permission set's role:"), trust.awsCli);
    terraform.push(trust.terraform);
  }
  return { awsCli: cli.join("\n"), terraform: terraform.join("\n") };
}

function iamUserRemedy(item: ReviewItemView, state: OrgInventory | null): RemediationText {
  const userArn = item.via[0]!.arn ?? item.personKey;
  const user = state?.iamByAccount[item.accountId]?.users.find((u) => u.arn === userArn);
  const name = user?.userName ?? item.via[0]!.label;
  const user_ = shellArg("--user-name", name);
  const cli = [
    shellComment(`in account ${item.accountId}: take away IAM user ${name}'s own credentials and permissions`),
    `aws iam delete-login-profile ${user_}`,
    `aws iam list-access-keys ${user_}`,
    `aws iam delete-access-key ${user_} --access-key-id <each access key id listed>`,
    ...(user?.attachedManagedPolicies ?? []).map((policy) => `aws iam detach-user-policy ${user_} ${shellArg("--policy-arn", policy.arn)}`),
    ...(user?.inlinePolicies ?? []).map((policy) => `aws iam delete-user-policy ${user_} ${shellArg("--policy-name", policy.name)}`),
    ...(user?.groupNames ?? []).map((group) => `aws iam remove-user-from-group ${user_} ${shellArg("--group-name", group)}`),
  ];
  const terraform = [
    `# for aws_iam_user with name = ${hclString(name)}: remove its aws_iam_user_login_profile and aws_iam_access_key,`,
    `# its aws_iam_user_policy_attachment / aws_iam_user_policy, and its aws_iam_user_group_membership entries`,
  ];
  return { awsCli: cli.join("\n"), terraform: terraform.join("\n") };
}

/** The last role's trust statement that lets the hop before it in: the principal taken out of it. */
function trustRemedy(item: ReviewItemView, state: OrgInventory | null): RemediationText | null {
  const last = item.via[item.via.length - 1];
  const before = item.via[item.via.length - 2];
  if (!last?.arn || !before || !(last.kind === "IAM_ROLE" || last.kind === "RESERVED_ROLE")) return null;
  const accountId = last.arn.split(":")[4] ?? item.accountId;
  const role = state?.iamByAccount[accountId]?.roles.find((r) => r.arn === last.arn) ?? null;
  const roleName = role?.roleName ?? last.arn.slice(last.arn.lastIndexOf("/") + 1);
  const principal = before.arn ?? before.id;
  const edit = role ? withoutPrincipal(role, principal) : null;
  const cli = [
    shellComment(
      `in account ${accountId}: remove ${principal} from the trust policy of role ${roleName}` +
        (edit ? `; the statement naming it: ${JSON.stringify(edit.statements)}` : ""),
    ),
  ];
  if (edit) cli.push(`cat > trust-policy.json <<'VIGIL_TRUST_POLICY'`, JSON.stringify(edit.policy, null, 2), "VIGIL_TRUST_POLICY");
  cli.push(`aws iam update-assume-role-policy ${shellArg("--role-name", roleName)} --policy-document file://trust-policy.json`);
  const terraform = [
    `# in aws_iam_role with name = ${hclString(roleName)}: remove ${hclString(principal)} from assume_role_policy`,
    ...(edit ? [`#   statement(s) naming it: ${JSON.stringify(edit.statements)}`] : []),
  ];
  return { awsCli: cli.join("\n"), terraform: terraform.join("\n") };
}

/**
 * The role's trust policy with `principal` taken out of every statement naming it in `Principal.AWS`
 * (a statement left without principals goes), and those statements as they were. Null when no
 * statement names it literally (it is let in by its account or a wildcard: edit by hand).
 */
function withoutPrincipal(role: IamRole, principal: string): { policy: unknown; statements: unknown[] } | null {
  const document = role.trustPolicy;
  if (!document) return null;
  const statements = Array.isArray(document.Statement) ? (document.Statement as unknown[]) : [document.Statement];
  const naming: unknown[] = [];
  const kept: unknown[] = [];
  for (const statement of statements) {
    const aws = (statement as { Principal?: { AWS?: unknown } } | null)?.Principal?.AWS;
    const list = Array.isArray(aws) ? (aws as unknown[]) : aws === undefined ? [] : [aws];
    if (!list.includes(principal)) {
      kept.push(statement);
      continue;
    }
    naming.push(statement);
    const rest = list.filter((p) => p !== principal);
    const others = Object.keys((statement as { Principal: object }).Principal).filter((key) => key !== "AWS");
    if (rest.length > 0 || others.length > 0) {
      const principalBlock = { ...(statement as { Principal: Record<string, unknown> }).Principal };
      if (rest.length > 0) principalBlock.AWS = rest.length === 1 ? rest[0] : rest;
      else delete principalBlock.AWS;
      kept.push({ ...(statement as object), Principal: principalBlock });
    }
  }
  if (naming.length === 0) return null;
  return { policy: { ...document, Statement: kept }, statements: naming };
}

function unknownRemedy(item: ReviewItemView): RemediationText {
  return {
    awsCli: shellComment(`no exact command for ${item.pathLabel}: remove the last hop's trust by hand`),
    terraform: shellComment("edit the trust policy of the path's last role"),
  };
}
