import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { auditRoleCredentialsForPool, errorCode, type ClientPool } from "../aws";
import { describeAwsError, type RotationClients } from "./rotate-iam-credential";

/**
 * Rotation clients from Vigil's pool: IAM through the audit role (infra/ grants it key and password
 * rotation on the break-glass user alone; the management account uses the base credentials), and
 * a one-off STS client signed with the key being proven dead.
 */
export function rotationClientsFromPool(pool: ClientPool, managementAccountId?: string): (accountId: string) => RotationClients {
  const credentials = auditRoleCredentialsForPool(pool, managementAccountId);
  return (accountId) => ({
    iam: pool.iam(accountId, credentials.provider(accountId)),
    async probeKey(key) {
      const sts = new STSClient({
        region: pool.config.region,
        ...(pool.config.endpoint ? { endpoint: pool.config.endpoint } : {}),
        credentials: key,
        maxAttempts: 2,
        requestHandler: new NodeHttpHandler({
          requestTimeout: pool.config.timeoutMs,
          connectionTimeout: Math.min(10_000, pool.config.timeoutMs),
        }),
      });
      try {
        await sts.send(new GetCallerIdentityCommand({}));
        return "accepted";
      } catch (error) {
        return errorCode(error) === "InvalidClientTokenId" ? "refused" : { error: describeAwsError(error) };
      } finally {
        sts.destroy();
      }
    },
  });
}
