import { requirePermission } from "@/app/_auth/require-session";

/**
 * Every inventory page starts here, on the server, for each request. Roles are not a ladder
 * (`requireRole("viewer")` would turn away auditors and approvers), so the check is on the
 * permission every role holds: inventory:read.
 */
export async function requireInventoryReader() {
  return requirePermission("inventory:read");
}
