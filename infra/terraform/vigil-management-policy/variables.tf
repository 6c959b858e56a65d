variable "audit_role_name" {
  description = "Name of the audit role in member accounts."
  type        = string
  default     = "VigilAuditRole"
}

variable "attach_to_role_name" {
  description = "Role Vigil runs as, to attach the policy to (null to attach it yourself)."
  type        = string
  default     = null
}
