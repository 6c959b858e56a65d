variable "vigil_principal_arn" {
  description = "ARN of the role Vigil runs as (e.g. arn:aws:iam::111122223333:role/vigil-host)."
  type        = string
}

variable "audit_role_name" {
  description = "Name of the audit role; must match Vigil's auditRoleName setting."
  type        = string
  default     = "VigilAuditRole"
}

variable "external_id" {
  description = "Optional sts:ExternalId Vigil must present (null for none)."
  type        = string
  default     = null
  sensitive   = true
}

variable "break_glass_user_name" {
  description = "IAM user whose credentials Vigil may rotate (null for none)."
  type        = string
  default     = null
}

variable "break_glass_user_path" {
  description = "Path of the break-glass user, e.g. / or /emergency/."
  type        = string
  default     = "/"
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = {}
}
