/** Stable node ids (see GraphNode): the same entity has the same id in every snapshot. */
export const nodeId = {
  idcUser: (userId: string) => `idc-user:${userId}`,
  idcGroup: (groupId: string) => `idc-group:${groupId}`,
  permissionSet: (arn: string) => `permission-set:${arn}`,
  account: (accountId: string) => `account:${accountId}`,
  externalAccount: (accountId: string) => `external-account:${accountId}`,
  service: (name: string) => `service:${name}`,
  federated: (arnOrName: string) => `federated:${arnOrName}`,
  anyPrincipal: () => "any-principal",
} as const;
