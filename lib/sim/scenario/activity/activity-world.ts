import type { AccountIam, IamRole, IamSamlProvider } from "../../model/iam";
import type { IdentityCenterState } from "../../model/identity-center";
import type { Rng } from "../../random/prng";

/** What the history generator needs to know about a built scenario. */
export interface ActivityWorld {
  now: Date;
  rng: Rng;
  organizationId: string;
  managementAccountId: string;
  homeRegion: string;
  identityCenter: IdentityCenterState;
  iamByAccount: Map<string, AccountIam>;
  accountIdByKey: Map<string, string>;
  reservedRole: (accountId: string, permissionSetName: string) => IamRole | undefined;
  samlProvider: (accountId: string) => IamSamlProvider | undefined;
  /** Trust policy text as IAM would show it now (deleted principals rendered as ids). */
  renderTrust: (role: IamRole) => string;
}

export function touchRole(role: IamRole, at: Date, region: string): void {
  if (role.lastUsed === undefined || role.lastUsed.date < at) role.lastUsed = { date: at, region };
}
