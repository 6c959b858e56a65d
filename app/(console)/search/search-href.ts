import type { SearchHit, SearchKind } from "@/lib/search";
import { accountHref, iamUserHref, idcGroupHref, permissionSetHref, roleHref } from "../_components/inventory-links";

export const KIND_LABELS: Record<SearchKind, string> = {
  account: "Account",
  "idc-user": "Person (Identity Center user)",
  "idc-group": "Identity Center group",
  "permission-set": "Permission set",
  "iam-role": "IAM role",
  "iam-user": "IAM user",
};

/** The page a search hit opens. */
export function searchHitHref(hit: SearchHit): string {
  switch (hit.kind) {
    case "account":
      return accountHref(hit.key);
    case "idc-user":
      // The person's page (app/(console)/identity-center/users/[userId]), by Identity Store user id.
      return `/identity-center/users/${encodeURIComponent(hit.key)}`;
    case "idc-group":
      return idcGroupHref(hit.key);
    case "permission-set":
      return permissionSetHref(hit.key);
    case "iam-role":
      return roleHref(hit.key);
    case "iam-user":
      return iamUserHref(hit.key);
  }
}
