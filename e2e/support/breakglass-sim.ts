import { randomBytes } from "node:crypto";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createClientPool } from "../../lib/aws";
import { makeSimAwsConfig } from "../../lib/aws/testing/sim-fixture";
import { rotateCheckout, rotationClientsFromPool, type StoredCheckout } from "../../lib/breakglass";
import { ingestCloudTrail } from "../../lib/cloudtrail";
import type { PrismaClient } from "../../lib/db";
import { startSimServer, type SimServer } from "../../lib/sim";

export type AccessKey = { accessKeyId: string; secretAccessKey: string };

/**
 * The AWS side of the break-glass journey: a simulated demo organization with a fresh break-glass
 * IAM user (console password, MFA, one access key). The web server never calls AWS in this journey;
 * the spec plays the rotation worker and the CloudTrail ingestion against this simulator.
 */
export type BreakglassSim = {
  sim: SimServer;
  accountId: string;
  managementAccountId: string;
  userName: string;
  key: AccessKey;
  /** STS GetCallerIdentity signed with `key`: the caller's ARN, or the error code AWS answered */
  whoAmI: (key: AccessKey) => Promise<{ arn: string } | { error: string }>;
  /** An AssumeRole call as the break-glass user: CloudTrail records it (allowed or denied) in the user's account. */
  actAs: (key: AccessKey) => Promise<void>;
  rotate: (db: PrismaClient, checkoutId: string) => Promise<StoredCheckout>;
  ingest: (db: PrismaClient, since: Date) => Promise<number>;
  close: () => Promise<void>;
};

function sts(sim: SimServer, key: AccessKey): STSClient {
  return new STSClient({ endpoint: sim.url, region: "us-east-1", credentials: key, maxAttempts: 1 });
}

export async function startBreakglassSim(): Promise<BreakglassSim> {
  const sim = await startSimServer({ scenario: "demo", port: 0 });
  const managementAccountId = sim.state.organization.managementAccountId;
  const accountId = sim.state.accounts.find((a) => a.id !== managementAccountId && a.state === "ACTIVE")!.id;
  const userName = `breakglass-e2e-${randomBytes(3).toString("hex")}`;
  const { accessKey } = sim.admin.addIamUser(accountId, { userName, consolePassword: true, mfa: true, withAccessKey: true });
  const config = makeSimAwsConfig(sim.url, { maxAttempts: 2 });
  const pool = createClientPool(config);
  const clientsFor = rotationClientsFromPool(pool, managementAccountId);
  return {
    sim,
    accountId,
    managementAccountId,
    userName,
    key: { accessKeyId: accessKey!.accessKeyId, secretAccessKey: accessKey!.secretAccessKey },
    async whoAmI(key) {
      const client = sts(sim, key);
      try {
        return { arn: (await client.send(new GetCallerIdentityCommand({}))).Arn ?? "" };
      } catch (error) {
        return { error: (error as Error).name };
      } finally {
        client.destroy();
      }
    },
    async actAs(key) {
      const client = sts(sim, key);
      try {
        await client.send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: "incident" }),
        );
      } catch {
        // Refused or not, the call is in CloudTrail: the review must see it either way.
      } finally {
        client.destroy();
      }
    },
    rotate: (db, checkoutId) => rotateCheckout(db, clientsFor, checkoutId, { verifyAttempts: 1 }),
    async ingest(db, since) {
      const result = await ingestCloudTrail(db, {
        config,
        accounts: [accountId],
        regions: ["us-east-1"],
        since,
        settings: { lookbackDays: 1, regions: ["us-east-1"], breakglassUsers: [userName], automationUsers: [] },
        managementAccountId,
      });
      return result.eventsNew;
    },
    async close() {
      pool.destroy();
      await sim.close();
    },
  };
}
