import {
  GetAccountAuthorizationDetailsCommand,
  ListRolesCommand,
  type GroupDetail,
  type IAMClient,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from "@aws-sdk/client-iam";
import type { CollectionLog } from "./collection-log";
import { fetchCredentialReport, type CredentialReportPolling } from "./credential-report";
import { mapAuthorizationDetails } from "./map-authorization-details";
import { collectAll, MARKER } from "./paginate";
import type { AccountIam, CollectionStatus } from "./types";
import type { Clock } from "./pacer";

/** GAAD filters: everything but AWS-managed policies, which are the same in every account. */
export const GAAD_FILTER = ["Role", "User", "Group", "LocalManagedPolicy"] as const;

interface GaadPage {
  UserDetailList?: UserDetail[];
  GroupDetailList?: GroupDetail[];
  RoleDetailList?: RoleDetail[];
  Policies?: ManagedPolicyDetail[];
}

export interface AccountIamResult {
  iam: AccountIam;
  authorizationDetails: CollectionStatus;
  credentialReport: CollectionStatus;
}

/**
 * One account's IAM in three paginated reads: GAAD (roles, users, groups, customer policies),
 * ListRoles (MaxSessionDuration, Description — GAAD omits them) and the credential report.
 * No per-role or per-user calls. Throws only if GAAD fails; the other two degrade to PARTIAL.
 */
export async function collectAccountIam(
  iam: IAMClient,
  accountId: string,
  opts: { log: CollectionLog; polling: CredentialReportPolling; clock?: Clock },
): Promise<AccountIamResult> {
  const site = (operation: string) => ({ accountId, service: "iam", operation });

  const [pages, listedRoles, credentialReport] = await Promise.all([
    collectAll({
      client: iam,
      command: GetAccountAuthorizationDetailsCommand,
      input: { Filter: [...GAAD_FILTER], MaxItems: 1000 },
      items: (page): GaadPage[] => [page],
      tokens: MARKER,
    }),
    opts.log.attempt(site("ListRoles"), () =>
      collectAll({ client: iam, command: ListRolesCommand, input: { MaxItems: 1000 }, items: (p) => p.Roles, tokens: MARKER }),
    ),
    opts.log.attempt(site("GetCredentialReport"), () => fetchCredentialReport(iam, opts.polling, opts.clock)),
  ]);

  const details = {
    RoleDetailList: pages.flatMap((p) => p.RoleDetailList ?? []),
    UserDetailList: pages.flatMap((p) => p.UserDetailList ?? []),
    GroupDetailList: pages.flatMap((p) => p.GroupDetailList ?? []),
    Policies: pages.flatMap((p) => p.Policies ?? []),
  };

  return {
    iam: { accountId, ...mapAuthorizationDetails(accountId, details, listedRoles), credentialReport: credentialReport ?? null },
    authorizationDetails: listedRoles ? "COLLECTED" : "PARTIAL",
    credentialReport: credentialReport ? "COLLECTED" : "FAILED",
  };
}
