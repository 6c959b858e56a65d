output "audit_role_arn" {
  description = "ARN of the Vigil audit role."
  value       = aws_iam_role.vigil_audit.arn
}

output "audit_role_name" {
  value = aws_iam_role.vigil_audit.name
}
