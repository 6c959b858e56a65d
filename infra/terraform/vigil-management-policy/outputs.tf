output "policy_arn" {
  description = "ARN of the Vigil management-account read policy."
  value       = aws_iam_policy.vigil_management_read.arn
}
