import type { Rule } from "../types";
import { breakglassDrillFailed } from "./breakglass-drill-failed";
import { breakglassUsedWithoutCheckout } from "./breakglass-used-without-checkout";
import { consoleWithoutMfa } from "./console-without-mfa";
import { directUserAssignment } from "./direct-user-assignment";
import { inlinePolicyNearLimit } from "./inline-policy-near-limit";
import { longSessionSensitiveAccount } from "./long-session-sensitive-account";
import { orphanedIamUser } from "./orphaned-iam-user";
import { proxyChainBroken } from "./proxy-chain-broken";
import { proxyPermissionSetNotEmpty } from "./proxy-permission-set-not-empty";
import { rootAccessKey } from "./root-access-key";
import { staleAccessKey } from "./stale-access-key";
import { trustDanglingPrincipal } from "./trust-dangling-principal";
import { trustExternalAccount } from "./trust-external-account";
import { trustPolicyDrift } from "./trust-policy-drift";
import { trustWholeAccount } from "./trust-whole-account";
import { trustWildcard } from "./trust-wildcard";
import { unusedAssignment } from "./unused-assignment";

/** Every rule, in the order of the table. */
export const RULES: readonly Rule[] = [
  orphanedIamUser,
  staleAccessKey,
  consoleWithoutMfa,
  rootAccessKey,
  trustPolicyDrift,
  trustDanglingPrincipal,
  trustExternalAccount,
  trustWholeAccount,
  trustWildcard,
  proxyPermissionSetNotEmpty,
  proxyChainBroken,
  directUserAssignment,
  unusedAssignment,
  longSessionSensitiveAccount,
  inlinePolicyNearLimit,
  breakglassUsedWithoutCheckout,
  breakglassDrillFailed,
];
