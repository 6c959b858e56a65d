import type { ChangeOrigin } from "../cloudtrail/record-write-event";
import { liveEventIds } from "../cloudtrail/event-ids";
import type { SimState } from "../model/state";
import { iamUniqueId } from "../random/ids";
import { createRng, hashString } from "../random/prng";
import { ADMIN_CALLER_INPUT, type AdminCallerInput } from "./admin-inputs";

/** Where an admin change comes from unless told: an office address and the AWS CLI. */
const DEFAULT_SOURCE_IP = "203.0.113.24";
const DEFAULT_USER_AGENT =
  "aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#standard";
const DEFAULT_SESSION = "vigil-sim-admin";
/** How an organization's administrators usually reach a member account. */
const MEMBER_ADMIN_ROLE = "OrganizationAccountAccessRole";

/**
 * The identity an admin mutation acts as in `accountId`: the named IAM user or role session, else
 * the simulator's administrator (the management account's `vigil-sim-admin`, or in a member account
 * an `OrganizationAccountAccessRole` session named `vigil-sim-admin` when that role exists).
 */
export function changeOriginFor(state: SimState, accountId: string, raw: AdminCallerInput | undefined, now: Date): ChangeOrigin {
  const input = ADMIN_CALLER_INPUT.parse(raw ?? {});
  const client = { sourceIp: input.sourceIp ?? DEFAULT_SOURCE_IP, userAgent: input.userAgent ?? DEFAULT_USER_AGENT };
  const iam = state.iam.getOrThrow(accountId);
  if (input.userName !== undefined) {
    const user = iam.users.find((u) => u.userName === input.userName);
    if (user === undefined) throw new Error(`unknown caller user ${input.userName} in ${accountId}`);
    const key = user.accessKeys.find((k) => k.status === "Active");
    return {
      actor: { type: "IAMUser", accountId, userName: user.userName, userId: user.userId, arn: user.arn, accessKeyId: key?.accessKeyId },
      client,
      at: now,
    };
  }
  const roleName = input.roleName ?? (accountId !== state.organization.managementAccountId ? MEMBER_ADMIN_ROLE : undefined);
  const role = roleName === undefined ? undefined : iam.roles.find((r) => r.roleName === roleName);
  if (input.roleName !== undefined && role === undefined) throw new Error(`unknown caller role ${input.roleName} in ${accountId}`);
  if (role !== undefined) {
    return {
      actor: {
        type: "AssumedRole",
        accountId,
        roleName: role.roleName,
        roleId: role.roleId,
        roleArn: role.arn,
        sessionName: input.sessionName ?? DEFAULT_SESSION,
        accessKeyId: liveEventIds.temporaryKeyId(),
        sessionCreated: now,
        isMfaAuthenticated: false,
      },
      client,
      at: now,
    };
  }
  // The same identity the API gives unknown keys; in the management account it matches simAdminCaller.
  const userId = iamUniqueId(createRng(hashString(`sim-admin:${accountId}`)), "AIDA");
  return {
    actor: { type: "IAMUser", accountId, userName: "vigil-sim-admin", userId, arn: `arn:aws:iam::${accountId}:user/vigil-sim-admin` },
    client,
    at: now,
  };
}
