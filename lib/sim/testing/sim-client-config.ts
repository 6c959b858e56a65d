import type { SimServer } from "../server/start-sim-server";

/** Fixed reference time so generated history is identical across test runs. */
export const TEST_NOW = new Date("2026-11-20T12:00:00Z");

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const ADMIN_CREDENTIALS: StaticCredentials = { accessKeyId: "AKIAVIGILTESTADMIN01", secretAccessKey: "test-secret" };

/** SDK v3 client settings for a simulator: any region, static keys, no retries unless asked. */
export function simClientConfig(
  server: Pick<SimServer, "url">,
  options: { credentials?: StaticCredentials; region?: string; maxAttempts?: number } = {},
) {
  return {
    endpoint: server.url,
    region: options.region ?? "eu-west-1",
    credentials: options.credentials ?? ADMIN_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 1,
  };
}

export function credentialsOf(result: {
  Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string };
}): StaticCredentials {
  const c = result.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** Returns the error an async call throws (fails the test if it does not throw). */
export async function errorOf(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}
