import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { IAMClient } from "@aws-sdk/client-iam";
import { IdentitystoreClient } from "@aws-sdk/client-identitystore";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider, RetryStrategyV2 } from "@smithy/types";
import { ApiCallStats, applyCallPolicy } from "./call-stats";
import { createLimiter, type Limiter } from "./concurrency";
import type { AwsConfig } from "./config";
import { createKeyedPacer, createPacer, type Clock, type Pacer } from "./pacer";
import { timeoutCappedRetry } from "./timeout-capped-retry";
import { createTimedHttpHandler } from "./timed-http-handler";

/** LookupEvents: 2 requests per second per account and region (AWS-WIRE §6.1). */
export const LOOKUP_EVENTS_PER_SECOND = 2;

export const MANAGEMENT_SCOPE = "management";
export const HOST_SCOPE = "vigil-host";

interface CommonClientConfig {
  region: string;
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryStrategy: RetryStrategyV2;
  requestHandler: ReturnType<typeof createTimedHttpHandler>;
}

/**
 * Creates and caches SDK clients. One client per (service, account, region): adaptive retry keeps
 * its rate limiter per client instance, so sharing the instance is what makes it effective.
 */
export class ClientPool {
  readonly stats = new ApiCallStats();
  readonly baseCredentials: AwsCredentialIdentityProvider;
  private readonly clients = new Map<string, { destroy(): void }>();
  private readonly limiters = new Map<string, Limiter>();
  private readonly cloudTrailPacer: ReturnType<typeof createKeyedPacer>;
  private readonly identityCenterPacer: Pacer;

  constructor(
    readonly config: AwsConfig,
    opts: { clock?: Clock } = {},
  ) {
    this.baseCredentials = config.credentials ?? fromNodeProviderChain();
    this.cloudTrailPacer = createKeyedPacer({ ratePerSecond: LOOKUP_EVENTS_PER_SECOND, burst: 1, clock: opts.clock });
    this.identityCenterPacer = createPacer({ ratePerSecond: config.identityCenterRatePerSecond, burst: 1, clock: opts.clock });
  }

  organizations(): OrganizationsClient {
    return this.cached("organizations", () => {
      const client = new OrganizationsClient(this.common(this.config.region, this.baseCredentials));
      applyCallPolicy(client.middlewareStack, this.policy("organizations", MANAGEMENT_SCOPE, this.config.concurrency.organizations));
      return client;
    });
  }

  ssoAdmin(): SSOAdminClient {
    return this.cached("sso", () => {
      const client = new SSOAdminClient(this.common(this.config.ssoRegion, this.baseCredentials));
      // Identity Center's 20 TPS limit is collective across SSO Admin and Identity Store: one limiter, one pacer.
      applyCallPolicy(client.middlewareStack, {
        ...this.policy("sso", MANAGEMENT_SCOPE, this.config.concurrency.identityCenter, "identity-center"),
        pacer: this.identityCenterPacer,
      });
      return client;
    });
  }

  identityStore(): IdentitystoreClient {
    return this.cached("identitystore", () => {
      const client = new IdentitystoreClient(this.common(this.config.ssoRegion, this.baseCredentials));
      applyCallPolicy(client.middlewareStack, {
        ...this.policy("identitystore", MANAGEMENT_SCOPE, this.config.concurrency.identityCenter, "identity-center"),
        pacer: this.identityCenterPacer,
      });
      return client;
    });
  }

  /** STS with the base (Vigil host) credentials, used to assume the audit role. */
  sts(): STSClient {
    return this.cached("sts", () => {
      const client = new STSClient(this.common(this.config.region, this.baseCredentials));
      applyCallPolicy(client.middlewareStack, this.policy("sts", HOST_SCOPE, 16));
      return client;
    });
  }

  iam(accountId: string, credentials: AwsCredentialIdentityProvider): IAMClient {
    return this.cached(`iam:${accountId}`, () => {
      const client = new IAMClient(this.common(this.config.region, credentials));
      applyCallPolicy(client.middlewareStack, this.policy("iam", accountId, this.config.concurrency.iamPerAccount, `iam:${accountId}`));
      return client;
    });
  }

  cloudTrail(accountId: string, region: string, credentials: AwsCredentialIdentityProvider): CloudTrailClient {
    const key = `${accountId}:${region}`;
    return this.cached(`cloudtrail:${key}`, () => {
      const client = new CloudTrailClient(this.common(region, credentials));
      applyCallPolicy(client.middlewareStack, {
        ...this.policy("cloudtrail", accountId, 1, `cloudtrail:${key}`),
        pacer: this.cloudTrailPacer(key),
      });
      return client;
    });
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private common(region: string, credentials: AwsCredentialIdentityProvider): CommonClientConfig {
    return {
      region,
      credentials,
      maxAttempts: this.config.maxAttempts,
      retryStrategy: timeoutCappedRetry(this.config.maxAttempts),
      // One per client: destroying a client destroys its handler's sockets.
      requestHandler: createTimedHttpHandler({ timeoutMs: this.config.timeoutMs, signal: this.config.signal }),
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
    };
  }

  private policy(service: string, scope: string, concurrency: number, limiterKey = service) {
    let limiter = this.limiters.get(limiterKey);
    if (!limiter) {
      limiter = createLimiter(concurrency);
      this.limiters.set(limiterKey, limiter);
    }
    return { service, scope, stats: this.stats, limiter };
  }

  private cached<T extends { destroy(): void }>(key: string, create: () => T): T {
    let client = this.clients.get(key) as T | undefined;
    if (!client) {
      client = create();
      this.clients.set(key, client);
    }
    return client;
  }
}

export function createClientPool(config: AwsConfig, opts: { clock?: Clock } = {}): ClientPool {
  return new ClientPool(config, opts);
}
