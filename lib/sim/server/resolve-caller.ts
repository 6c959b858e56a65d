import type { Caller } from "../model/caller";
import type { AwsService } from "../model/common";
import type { SimState } from "../model/state";
import { AwsError } from "../protocol/aws-error";
import { findAccessKeyOwner } from "../lookup/access-key-lookup";
import { hashString, createRng } from "../random/prng";
import { iamUniqueId } from "../random/ids";

const isQuery = (service: AwsService) => service === "iam" || service === "sts";

/** The identity every unknown static key stands for: an administrator in the management account. */
export function simAdminCaller(state: SimState, accessKeyId: string): Caller {
  const accountId = state.organization.managementAccountId;
  return {
    kind: "sim-admin",
    accountId,
    arn: `arn:aws:iam::${accountId}:user/vigil-sim-admin`,
    userId: iamUniqueId(createRng(hashString(`sim-admin:${accountId}`)), "AIDA"),
    accessKeyId,
  };
}

/**
 * Identifies the caller from the access key in the SigV4 credential scope: STS sessions first, then
 * keys the scenario bound to an identity, then IAM users' own keys, else the management admin.
 */
export function resolveCaller(state: SimState, accessKeyId: string, service: AwsService, now: Date): Caller {
  const session = state.sessions.get(accessKeyId);
  if (session !== undefined) {
    if (session.expiresAt.getTime() <= now.getTime()) {
      throw isQuery(service)
        ? new AwsError("ExpiredToken", "The security token included in the request is expired", 403)
        : new AwsError("ExpiredTokenException", "The security token included in the request is expired", 400);
    }
    return {
      kind: "assumed-role",
      accountId: session.accountId,
      arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
      userId: `${session.roleId}:${session.sessionName}`,
      roleArn: session.roleArn,
      roleId: session.roleId,
      roleName: session.roleName,
      sessionName: session.sessionName,
      accessKeyId,
      expiresAt: session.expiresAt,
    };
  }
  const binding = state.credentials.get(accessKeyId);
  if (binding !== undefined) {
    const iam = state.iam.get(binding.accountId);
    if (binding.roleName !== undefined) {
      const role = iam?.roles.find((r) => r.roleName === binding.roleName);
      if (role !== undefined) {
        return {
          kind: "assumed-role",
          accountId: binding.accountId,
          arn: `arn:aws:sts::${binding.accountId}:assumed-role/${role.roleName}/sim`,
          userId: `${role.roleId}:sim`,
          roleArn: role.arn,
          roleId: role.roleId,
          roleName: role.roleName,
          sessionName: "sim",
          accessKeyId,
          expiresAt: new Date(now.getTime() + 3600_000),
        };
      }
    }
    const user = iam?.users.find((u) => u.userName === binding.userName);
    if (user !== undefined) {
      return { kind: "iam-user", accountId: binding.accountId, arn: user.arn, userId: user.userId, userName: user.userName, accessKeyId };
    }
  }
  const owner = findAccessKeyOwner(state, accessKeyId);
  if (owner !== undefined) {
    if (owner.key.status !== "Active") {
      throw isQuery(service)
        ? new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403)
        : new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 400);
    }
    return {
      kind: "iam-user",
      accountId: owner.accountId,
      arn: owner.user.arn,
      userId: owner.user.userId,
      userName: owner.user.userName,
      accessKeyId,
    };
  }
  if (state.deletedAccessKeys?.has(accessKeyId)) {
    throw isQuery(service)
      ? new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403)
      : new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 400);
  }
  return simAdminCaller(state, accessKeyId);
}
