import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { AwsResponseError } from "./aws-response-error";
import type { ClientPool } from "./client-pool";

export const AUDIT_ROLE_SESSION_NAME = "vigil-audit";
/** refresh this long before expiry so a long collection never signs with stale credentials */
export const CREDENTIAL_REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface AuditRoleOptions {
  sts: STSClient;
  baseCredentials: AwsCredentialIdentityProvider;
  auditRoleName: string;
  externalId?: string;
  managementAccountId?: string;
  /** false (default): the management account is read with the base credentials */
  assumeInManagementAccount: boolean;
  now?: () => number;
}

export interface AccountCredentials {
  /** resolves (and caches) credentials for the account; throws the STS error when the role cannot be assumed */
  get(accountId: string): Promise<AwsCredentialIdentity>;
  /** an SDK credential provider bound to the account */
  provider(accountId: string): AwsCredentialIdentityProvider;
}

export function auditRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

export function createAuditRoleCredentials(opts: AuditRoleOptions): AccountCredentials {
  const now = opts.now ?? Date.now;
  const cache = new Map<string, AwsCredentialIdentity>();
  // Concurrent requests for one account share a single AssumeRole call.
  const inFlight = new Map<string, Promise<AwsCredentialIdentity>>();

  const isFresh = (creds: AwsCredentialIdentity) =>
    creds.expiration === undefined || creds.expiration.getTime() - CREDENTIAL_REFRESH_MARGIN_MS > now();

  const assume = async (accountId: string): Promise<AwsCredentialIdentity> => {
    const out = await opts.sts.send(
      new AssumeRoleCommand({
        RoleArn: auditRoleArn(accountId, opts.auditRoleName),
        RoleSessionName: AUDIT_ROLE_SESSION_NAME,
        ...(opts.externalId ? { ExternalId: opts.externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AwsResponseError(`AssumeRole into ${accountId} returned no credentials`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
      accountId,
    };
  };

  const get = async (accountId: string): Promise<AwsCredentialIdentity> => {
    if (accountId === opts.managementAccountId && !opts.assumeInManagementAccount) return opts.baseCredentials();
    const cached = cache.get(accountId);
    if (cached && isFresh(cached)) return cached;
    let pending = inFlight.get(accountId);
    if (!pending) {
      pending = assume(accountId)
        .then((creds) => {
          cache.set(accountId, creds);
          return creds;
        })
        .finally(() => inFlight.delete(accountId));
      inFlight.set(accountId, pending);
    }
    return pending;
  };

  return { get, provider: (accountId) => () => get(accountId) };
}

/** Audit-role credentials wired to a pool's STS client and configuration. */
export function auditRoleCredentialsForPool(pool: ClientPool, managementAccountId: string | undefined): AccountCredentials {
  return createAuditRoleCredentials({
    sts: pool.sts(),
    baseCredentials: pool.baseCredentials,
    auditRoleName: pool.config.auditRoleName,
    externalId: pool.config.externalId,
    managementAccountId: pool.config.managementAccountId ?? managementAccountId,
    assumeInManagementAccount: pool.config.assumeInManagementAccount,
  });
}
