# Policy for the identity Vigil runs as in the management (or Identity Center delegated admin)
# account. Mirrors AWS_ACTIONS.management + member + host in lib/aws/required-actions.ts.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "management_read" {
  statement {
    sid    = "ReadOrganizationAndIdentityCenter"
    effect = "Allow"
    actions = [
      "organizations:DescribeOrganization",
      "organizations:ListRoots",
      "organizations:ListOrganizationalUnitsForParent",
      "organizations:ListAccountsForParent",
      "organizations:ListTagsForResource",
      "organizations:ListPolicies",
      "organizations:DescribePolicy",
      "organizations:ListTargetsForPolicy",
      "sso:ListInstances",
      "sso:ListPermissionSets",
      "sso:DescribePermissionSet",
      "sso:ListManagedPoliciesInPermissionSet",
      "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
      "sso:GetInlinePolicyForPermissionSet",
      "sso:GetPermissionsBoundaryForPermissionSet",
      "sso:ListAccountsForProvisionedPermissionSet",
      "sso:ListAccountAssignments",
      "sso:ListTagsForResource",
      "identitystore:ListUsers",
      "identitystore:ListGroups",
      "identitystore:ListGroupMemberships",
    ]
    resources = ["*"]
  }

  # Vigil reads the management account with these credentials instead of assuming into it.
  statement {
    sid    = "ReadManagementAccountIamAndSignIns"
    effect = "Allow"
    actions = [
      "iam:GetAccountAuthorizationDetails",
      "iam:ListRoles",
      "iam:GenerateCredentialReport",
      "iam:GetCredentialReport",
      "iam:GetPolicy",
      "iam:GetPolicyVersion",
      "cloudtrail:LookupEvents",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "AssumeAuditRoleInMemberAccounts"
    effect    = "Allow"
    actions   = ["sts:AssumeRole"]
    resources = ["arn:${data.aws_partition.current.partition}:iam::*:role/${var.audit_role_name}"]
  }
}

resource "aws_iam_policy" "vigil_management_read" {
  name   = "vigil-management-read"
  policy = data.aws_iam_policy_document.management_read.json
}

resource "aws_iam_role_policy_attachment" "vigil_host" {
  count      = var.attach_to_role_name == null ? 0 : 1
  role       = var.attach_to_role_name
  policy_arn = aws_iam_policy.vigil_management_read.arn
}
