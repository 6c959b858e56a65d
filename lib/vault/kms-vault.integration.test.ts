import { CreateAliasCommand, CreateKeyCommand, type KMSClient } from "@aws-sdk/client-kms";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "../audit";
import { startSimServer, type SimServer } from "../sim";
import { ADMIN_CREDENTIALS, TEST_NOW } from "../sim/testing/sim-client-config";
import { useTestDatabase } from "../testing/use-test-database";
import { createKmsClient, kmsKeyWrapper, readCredentialSecrets, registerCredential, rewrapVault } from ".";
import { databaseText, leakedSecrets, makeTestKeyring } from "./testing";
import type { VaultKeyring } from "./vault-keyring";

const database = useTestDatabase();
let server: SimServer;
let kms: KMSClient;
let keyArn: string;
let kmsKeyring: VaultKeyring;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  kms = createKmsClient({ region: "us-east-1", endpoint: server.url, timeoutMs: 5_000, credentials: async () => ADMIN_CREDENTIALS });
  keyArn = (await kms.send(new CreateKeyCommand({ Description: "vigil vault" }))).KeyMetadata!.Arn!;
  await kms.send(new CreateAliasCommand({ AliasName: "alias/vigil-vault", TargetKeyId: keyArn }));
  kmsKeyring = { current: kmsKeyWrapper(kms, "alias/vigil-vault"), others: [] };
});
afterAll(async () => {
  kms?.destroy();
  await server?.close();
});

let counter = 0;
function makeCredential() {
  counter += 1;
  return {
    accountId: `7777888899${String(counter).padStart(2, "0")}`,
    iamUserName: `breakglass-kms-${counter}`,
    maxCheckoutMinutes: 30,
    password: `pw-${randomBytes(12).toString("base64url")}`,
    accessKeyId: `AKIA${randomBytes(16).toString("hex").toUpperCase().slice(0, 16)}`,
    secretAccessKey: randomBytes(30).toString("base64"),
  };
}

describe("vault with AWS KMS (simulator, real KMS client)", () => {
  it("wraps each data key with GenerateDataKey under the key the alias names, and reads back through Decrypt", async () => {
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: cliActor() }, kmsKeyring);
    const rows = await database.db.vaultSecret.findMany({ where: { credentialId: summary.id } });
    expect(rows.map((row) => row.keyRef)).toEqual([`kms:${keyArn}`, `kms:${keyArn}`]);
    expect(await readCredentialSecrets(database.db, summary.id, kmsKeyring)).toEqual({
      password: input.password,
      accessKeyId: input.accessKeyId,
      secretAccessKey: input.secretAccessKey,
    });
    expect(leakedSecrets(await databaseText(database.db), [input.password, input.secretAccessKey])).toEqual([]);
  });

  it("a KMS-wrapped data key moved to another credential is refused by KMS (encryption context) and reported unreadable", async () => {
    const a = await registerCredential(database.db, makeCredential(), { actor: cliActor() }, kmsKeyring);
    const b = await registerCredential(database.db, makeCredential(), { actor: cliActor() }, kmsKeyring);
    const source = await database.db.vaultSecret.findUniqueOrThrow({
      where: { credentialId_field: { credentialId: a.id, field: "PASSWORD" } },
    });
    await database.db.vaultSecret.update({
      where: { credentialId_field: { credentialId: b.id, field: "PASSWORD" } },
      data: { wrappedDataKey: source.wrappedDataKey },
    });
    await expect(readCredentialSecrets(database.db, b.id, kmsKeyring)).rejects.toMatchObject({ code: "SECRET_UNREADABLE" });
    await database.db.breakglassCredential.delete({ where: { id: b.id } });
  });

  it("rewrap moves master-key rows to KMS; afterwards KMS alone reads them", async () => {
    const master = makeTestKeyring();
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: cliActor() }, master);
    const report = await rewrapVault(database.db, { current: kmsKeyring.current, others: [master.current] }, { actor: cliActor() });
    expect(report).toMatchObject({ currentKeyRef: `kms:${keyArn}`, failed: [] });
    expect(report.rewrapped).toBe(2);
    expect((await readCredentialSecrets(database.db, summary.id, kmsKeyring)).password).toBe(input.password);
    await expect(readCredentialSecrets(database.db, summary.id, master)).rejects.toMatchObject({ code: "VAULT_KEY_UNAVAILABLE" });
  });

  it("KMS out of reach is KMS_UNAVAILABLE (503) within the timeout, and nothing is written", async () => {
    const unreachable = createKmsClient({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9",
      timeoutMs: 1_000,
      credentials: async () => ADMIN_CREDENTIALS,
    });
    const before = await database.db.breakglassCredential.count();
    await expect(
      registerCredential(database.db, makeCredential(), { actor: cliActor() }, { current: kmsKeyWrapper(unreachable, keyArn), others: [] }),
    ).rejects.toMatchObject({ code: "KMS_UNAVAILABLE", appCode: "UPSTREAM_UNAVAILABLE" });
    expect(await database.db.breakglassCredential.count()).toBe(before);
    unreachable.destroy();
  });
});
