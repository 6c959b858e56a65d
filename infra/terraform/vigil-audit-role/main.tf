# Vigil read-only audit role for one member account. Grants only the IAM and CloudTrail reads
# Vigil's collectors send (lib/aws/required-actions.ts, checked by lib/aws/infra-actions.test.ts),
# plus credential rotation on the break-glass user alone when one is named.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "TrustVigilHost"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.vigil_principal_arn]
    }
    dynamic "condition" {
      for_each = var.external_id == null ? [] : [var.external_id]
      content {
        test     = "StringEquals"
        variable = "sts:ExternalId"
        values   = [condition.value]
      }
    }
  }
}

data "aws_iam_policy_document" "read" {
  statement {
    sid    = "ReadAccountIamAndSignIns"
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

  dynamic "statement" {
    for_each = var.break_glass_user_name == null ? [] : [var.break_glass_user_name]
    content {
      sid    = "RotateBreakGlassUserOnly"
      effect = "Allow"
      actions = [
        "iam:CreateAccessKey",
        "iam:DeleteAccessKey",
        "iam:UpdateAccessKey",
        "iam:ListAccessKeys",
        "iam:UpdateLoginProfile",
        "iam:GetLoginProfile",
      ]
      resources = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:user${var.break_glass_user_path}${statement.value}"]
    }
  }
}

resource "aws_iam_role" "vigil_audit" {
  name                 = var.audit_role_name
  description          = "Read-only access for the Vigil access-audit console"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy" "vigil_audit_read" {
  name   = "vigil-audit-read"
  role   = aws_iam_role.vigil_audit.id
  policy = data.aws_iam_policy_document.read.json
}
