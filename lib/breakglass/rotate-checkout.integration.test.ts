import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClientPool, resolveAwsConfig, type ClientPool } from "../aws";
import { startSimServer, type SimServer } from "../sim";
import { errorOf, TEST_NOW } from "../sim/testing/sim-client-config";
import { useTestDatabase } from "../testing/use-test-database";
import { returnedCheckout as returnedCheckoutIn } from "./testing/returned-checkout";
import { readCredentialSecrets } from "../vault";
import { useTestVaultKeyring } from "../vault/testing";
import {
  listRotationProblems,
  requestCheckout,
  rotateCheckout,
  rotationClientsFromPool,
  findDueRotations,
  findCheckoutActivity,
  reviewCheckout,
  type CheckoutUser,
  type RotationClients,
} from ".";

const database = useTestDatabase();
useTestVaultKeyring();
let sim: SimServer;
let pool: ClientPool;
let clientsFor: (accountId: string) => RotationClients;
let accountId: string;

const operator: CheckoutUser = { id: "u-op", displayName: "olga", role: "breakglass-operator", method: "LOCAL" };
const approver: CheckoutUser = { id: "u-ap", displayName: "ann", role: "approver", method: "LOCAL" };

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0, now: TEST_NOW });
  const config = resolveAwsConfig({
    endpoint: sim.url,
    region: "us-east-1",
    credentials: async () => ({ accessKeyId: "AKIAVIGILTEST0000000", secretAccessKey: "test" }),
    maxAttempts: 2,
  });
  pool = createClientPool(config);
  clientsFor = rotationClientsFromPool(pool, sim.state.organization.managementAccountId);
  accountId = sim.state.accounts.find((a) => a.id !== sim.state.organization.managementAccountId && a.state === "ACTIVE")!.id;
});
afterAll(async () => {
  pool?.destroy();
  await sim?.close();
});
afterEach(() => sim.admin.setFaults({}));

const whoAmI = (key: { accessKeyId: string; secretAccessKey: string }) =>
  new STSClient({ endpoint: sim.url, region: "us-east-1", credentials: key, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));

/** A break-glass user in the simulator and in the vault, checked out, revealed and returned. */
const returnedCheckout = () => returnedCheckoutIn(database.db, sim, { accountId, operator, approver });

describe("rotation through IAM (simulator, real SDK)", () => {
  beforeEach(() => sim.admin.setFaults({}));

  it("a returned checkout is rotated: new password and key stored, old key refused by STS, new one accepted", async () => {
    // Given a returned checkout whose old key works
    const { checkoutId, credentialId, userName, oldKey } = await returnedCheckout();
    expect((await whoAmI(oldKey)).Arn).toContain(`:user/${userName}`);
    expect(await findDueRotations(database.db)).toContain(checkoutId);
    // When it is rotated
    const rotated = await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    // Then the checkout is rotated and the vault holds new secrets
    expect(rotated).toMatchObject({ status: "rotated", rotationError: null });
    const secrets = await readCredentialSecrets(database.db, credentialId);
    expect(secrets.accessKeyId).not.toBe(oldKey.accessKeyId);
    expect(secrets.password).not.toBe("Old-Console-Password-1!");
    expect(secrets.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{40}$/);
    // And AWS refuses the old key at once and accepts the new one
    expect((await errorOf(whoAmI(oldKey))).name).toBe("InvalidClientTokenId");
    expect((await whoAmI({ accessKeyId: secrets.accessKeyId!, secretAccessKey: secrets.secretAccessKey! })).Arn).toContain(
      `:user/${userName}`,
    );
    // And the user keeps exactly the one new key
    expect(
      sim.state.iam
        .getOrThrow(accountId)
        .users.find((u) => u.userName === userName)!
        .accessKeys.map((k) => k.accessKeyId),
    ).toEqual([secrets.accessKeyId]);
    const actions = (await database.db.auditEntry.findMany({ orderBy: { sequence: "asc" } })).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["breakglass.credential_secrets_replaced", "checkout.rotated"]);
    expect(await listRotationProblems(database.db)).not.toContainEqual(expect.objectContaining({ checkoutId }));
  });

  it("IAM denying leaves the checkout rotation-pending, critical and notified; the retry after the fault succeeds", async () => {
    // Given IAM refuses everything in the account
    const { checkoutId, credentialId, oldKey } = await returnedCheckout();
    sim.admin.setFaults({ accessDeniedAccounts: [accountId] });
    // When the rotation runs
    const pending = await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    // Then it stays pending with IAM's refusal, a retry scheduled, shown critical, approvers told
    expect(pending).toMatchObject({ status: "rotation-pending", rotationAttempts: 1 });
    expect(pending.rotationError).toMatch(/AccessDenied/);
    expect(pending.nextRotationAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await listRotationProblems(database.db)).toContainEqual(
      expect.objectContaining({ checkoutId, severity: "critical", status: "rotation-pending" }),
    );
    expect(
      await database.db.notification.count({
        where: { kind: "rotation.failed", payload: { path: ["checkout", "id"], equals: checkoutId } },
      }),
    ).toBe(1);
    expect((await readCredentialSecrets(database.db, credentialId)).accessKeyId).toBe(oldKey.accessKeyId);
    expect(await findDueRotations(database.db)).not.toContain(checkoutId);
    // When IAM answers again and the retry is due
    sim.admin.setFaults({});
    expect(await findDueRotations(database.db, pending.nextRotationAt!)).toContain(checkoutId);
    const rotated = await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    // Then it is rotated and the old key is dead
    expect(rotated).toMatchObject({ status: "rotated", rotationError: null, rotationAttempts: 2 });
    expect((await errorOf(whoAmI(oldKey))).name).toBe("InvalidClientTokenId");
    expect(await listRotationProblems(database.db)).not.toContainEqual(expect.objectContaining({ checkoutId }));
  });

  it("a failure after the password changed stores the new password with the failure, and the retry retires every stray key", async () => {
    // Given CreateAccessKey failing (after UpdateLoginProfile succeeded)
    const { checkoutId, credentialId, oldKey } = await returnedCheckout();
    sim.admin.setFaults({ serverErrors: [{ service: "iam", operation: "CreateAccessKey", count: 10, status: 503 }] });
    const pending = await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    expect(pending.status).toBe("rotation-pending");
    expect(pending.rotationError).toMatch(/^CreateAccessKey failed: ServiceUnavailable/);
    // Then the password IAM now has is the one in the vault, and the old key still in place
    const afterFailure = await readCredentialSecrets(database.db, credentialId);
    expect(afterFailure.password).not.toBe("Old-Console-Password-1!");
    expect(afterFailure.accessKeyId).toBe(oldKey.accessKeyId);
    // When the retry runs without the fault
    sim.admin.setFaults({});
    expect((await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 })).status).toBe("rotated");
    expect((await errorOf(whoAmI(oldKey))).name).toBe("InvalidClientTokenId");
  });

  it("after a partial rotation (password changed, key not) the dashboard's query keeps it critical, never safe, until the retry rotates it", async () => {
    // Given CreateAccessKey failing after UpdateLoginProfile succeeded
    const { checkoutId, credentialId, oldKey, userName } = await returnedCheckout();
    sim.admin.setFaults({ serverErrors: [{ service: "iam", operation: "CreateAccessKey", count: 20, status: 503 }] });
    const pending = await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    expect(pending.status).toBe("rotation-pending");
    expect((await readCredentialSecrets(database.db, credentialId)).password).not.toBe("Old-Console-Password-1!");
    const critical = expect.objectContaining({
      checkoutId,
      severity: "critical",
      status: "rotation-pending",
      error: expect.stringMatching(/^CreateAccessKey failed/),
    });
    // Then the dashboard lists it as critical now, and still days later: a pending rotation never ages out
    expect(await listRotationProblems(database.db)).toContainEqual(critical);
    expect(await listRotationProblems(database.db, new Date(Date.now() + 7 * 24 * 3600_000))).toContainEqual(critical);
    // And the credential stays locked to its holder, the refusal saying why and when the next attempt is
    await expect(
      requestCheckout(
        database.db,
        { ...operator, id: "u-op-other", displayName: "oscar" },
        {
          credentialId,
          reason: "second incident",
          reference: "INC-2",
          durationMinutes: 5,
        },
      ),
    ).rejects.toThrow(/held by olga \(checkout rotation-pending .*IAM refused it \(CreateAccessKey failed.*next attempt at \d{4}-/);
    // When a retry fails the same way it is still critical, with the attempts counted
    const again = await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    expect(again).toMatchObject({ status: "rotation-pending", rotationAttempts: 2 });
    expect(await listRotationProblems(database.db)).toContainEqual(expect.objectContaining({ checkoutId, attempts: 2 }));
    // (and rightly so: the key the holder saw still works in AWS)
    expect((await whoAmI(oldKey)).Arn).toContain(`:user/${userName}`);
    // When IAM recovers, the retry rotates it and only then does it leave the list
    sim.admin.setFaults({});
    expect((await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 })).status).toBe("rotated");
    expect(await listRotationProblems(database.db)).not.toContainEqual(expect.objectContaining({ checkoutId }));
  });

  it("a checkout that is not returned cannot be rotated", async () => {
    const { checkoutId } = await returnedCheckout();
    await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    await expect(rotateCheckout(database.db, clientsFor, checkoutId)).rejects.toThrow(/cannot rotate: the checkout is rotated/);
  });

  it("the review lists the break-glass user's CloudTrail events of the window only, then an approver signs off", async () => {
    const { checkoutId, userName } = await returnedCheckout();
    await rotateCheckout(database.db, clientsFor, checkoutId, { verifyAttempts: 1 });
    const checkout = await database.db.checkout.findUniqueOrThrow({ where: { id: checkoutId } });
    const event = (eventId: string, at: Date, user = userName) => ({
      eventId,
      accountId,
      eventTime: at,
      eventName: "GetObject",
      eventSource: "s3.amazonaws.com",
      actorType: "IAMUser",
      actorArn: `arn:aws:iam::${accountId}:user/${user}`,
      actorUserName: user,
      actorAccountId: accountId,
      success: true,
      raw: {},
      source: "LOOKUP_EVENTS" as const,
    });
    await database.db.cloudTrailEvent.createMany({
      data: [
        event(`${checkoutId}-in`, new Date(checkout.revealedAt!.getTime() + 1)),
        event(`${checkoutId}-before`, new Date(checkout.revealedAt!.getTime() - 60_000)),
        event(`${checkoutId}-after`, new Date(checkout.endedAt!.getTime() + 60_000)),
        event(`${checkoutId}-other`, new Date(checkout.revealedAt!.getTime() + 1), `${userName}2`),
      ],
    });
    const activity = await findCheckoutActivity(database.db, checkoutId);
    expect(activity.events.map((e) => e.eventId)).toEqual([`${checkoutId}-in`]);
    // the window in CloudTrail's whole seconds
    const second = 1000;
    expect(activity.window).toEqual({
      from: new Date(Math.floor(checkout.revealedAt!.getTime() / second) * second),
      to: new Date(Math.ceil(checkout.endedAt!.getTime() / second) * second),
    });
    await expect(reviewCheckout(database.db, operator, checkoutId, "mine")).rejects.toThrow(/may not review/);
    expect(await reviewCheckout(database.db, approver, checkoutId, "one GetObject, expected for INC-1")).toMatchObject({
      status: "reviewed",
      reviewerName: "ann",
    });
  });
});
