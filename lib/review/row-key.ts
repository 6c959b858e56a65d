/**
 * A row's identity across weeks: the person, the account and every hop after the person by its
 * stable graph id (group id, permission set ARN, role ARNs). The same access next week has the same
 * key, whatever changed about it; a different route to the same role is a different row.
 */
export function reviewRowKey(personKey: string, accountId: string, hopIds: readonly string[]): string {
  return [personKey, accountId, ...(hopIds.length > 0 ? hopIds : ["direct"])].join("|");
}

/** `idc:<identityStoreId>/<userId>` for an Identity Center user; an IAM user is keyed by its ARN. */
export function idcPersonKey(identityStoreId: string | null | undefined, userId: string): string {
  return `idc:${identityStoreId ?? "unknown"}/${userId}`;
}
