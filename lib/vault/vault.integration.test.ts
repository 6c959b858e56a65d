import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliActor, userActor } from "../audit";
import { useTestDatabase } from "../testing/use-test-database";
import { getCredential, listCredentials, readCredentialSecrets, registerCredential, replaceCredentialSecrets } from ".";
import { databaseText, leakedSecrets, useTestVaultKeyring } from "./testing";

const database = useTestDatabase();
useTestVaultKeyring();
const ADMIN = userActor({ id: "u-admin", displayName: "Ada Admin", method: "LOCAL" });

let counter = 0;
/** Unique per test; the secrets look like real ones (40-char key, long password). */
function makeCredential() {
  counter += 1;
  return {
    accountId: `1111222233${String(counter).padStart(2, "0")}`,
    iamUserName: `breakglass-${counter}`,
    mfaNote: "hardware token in the safe, shelf 2",
    maxCheckoutMinutes: 90,
    password: `pw-${randomBytes(12).toString("base64url")}!`,
    accessKeyId: `AKIA${randomBytes(16).toString("hex").toUpperCase().slice(0, 16)}`,
    secretAccessKey: randomBytes(30).toString("base64"),
  };
}

describe("vault (real database)", () => {
  it("registers a credential, lists it without secrets, and reads the secrets back", async () => {
    // Given an admin registers a password and key pair
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: ADMIN, requestId: "req-1", clientAddress: "10.0.0.1" });
    // Then the summary and the list carry identifiers only
    expect(summary).toMatchObject({
      accountId: input.accountId,
      iamUserName: input.iamUserName,
      hasPassword: true,
      accessKeyId: input.accessKeyId,
    });
    expect(JSON.stringify(summary)).not.toContain(input.password);
    const listed = await listCredentials(database.db);
    expect(listed.find((c) => c.id === summary.id)).toEqual(summary);
    expect(await getCredential(database.db, summary.id)).toEqual(summary);
    // And the secrets decrypt for the one caller allowed to read them
    expect(await readCredentialSecrets(database.db, summary.id)).toEqual({
      password: input.password,
      accessKeyId: input.accessKeyId,
      secretAccessKey: input.secretAccessKey,
    });
  });

  it("no plaintext secret reaches any column of any table, the audit trail included", async () => {
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: ADMIN });
    const next = { password: `new-${randomBytes(12).toString("base64url")}`, secretAccessKey: randomBytes(30).toString("base64") };
    await database.db.$transaction((tx) => replaceCredentialSecrets(tx, summary.id, { ...next, accessKeyId: "AKIAZZZZZZZZZZZZZZZZ" }));
    const dump = await databaseText(database.db);
    expect(dump).toContain(input.iamUserName); // the dump does reach the vault's rows
    expect(leakedSecrets(dump, [input.password, input.secretAccessKey, next.password, next.secretAccessKey])).toEqual([]);
  });

  it("writes a breakglass.credential_registered audit entry with the actor and no secret", async () => {
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: cliActor(), requestId: "req-audit" });
    const entry = await database.db.auditEntry.findFirstOrThrow({
      where: { action: "breakglass.credential_registered", targetId: summary.id },
    });
    expect(entry).toMatchObject({ actorType: "CLI", targetType: "breakglass_credential", requestId: "req-audit" });
    expect(entry.detail).toMatchObject({
      accountId: input.accountId,
      hasPassword: true,
      accessKeyId: input.accessKeyId,
      maxCheckoutMinutes: 90,
    });
  });

  it("a second registration of the same IAM user is refused as a conflict, leaving one row and one audit entry", async () => {
    const input = makeCredential();
    await registerCredential(database.db, input, { actor: ADMIN });
    await expect(registerCredential(database.db, { ...input, password: "other-password" }, { actor: ADMIN })).rejects.toMatchObject({
      code: "CREDENTIAL_EXISTS",
      appCode: "CONFLICT",
    });
    expect(await database.db.breakglassCredential.count({ where: { accountId: input.accountId, iamUserName: input.iamUserName } })).toBe(1);
    expect(
      await database.db.auditEntry.count({
        where: { action: "breakglass.credential_registered", targetLabel: `${input.iamUserName} in ${input.accountId}` },
      }),
    ).toBe(1);
  });

  it("invalid input is refused before anything is written", async () => {
    const before = await database.db.breakglassCredential.count();
    await expect(registerCredential(database.db, { ...makeCredential(), accountId: "12345" }, { actor: ADMIN })).rejects.toMatchObject({
      code: "INVALID_CREDENTIAL",
    });
    expect(await database.db.breakglassCredential.count()).toBe(before);
  });

  it("replaces secrets after a rotation: new ones read back, rotatedAt set, the field not given kept, audited", async () => {
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: ADMIN });
    const newKey = { accessKeyId: "AKIAROTATEDKEY000001", secretAccessKey: randomBytes(30).toString("base64") };
    await database.db.$transaction((tx) => replaceCredentialSecrets(tx, summary.id, newKey));
    expect(await readCredentialSecrets(database.db, summary.id)).toEqual({ password: input.password, ...newKey });
    const after = await getCredential(database.db, summary.id);
    expect(after.accessKeyId).toBe(newKey.accessKeyId);
    expect(after.rotatedAt).toBeInstanceOf(Date);
    const entry = await database.db.auditEntry.findFirstOrThrow({
      where: { action: "breakglass.credential_secrets_replaced", targetId: summary.id },
    });
    expect(entry.detail).toMatchObject({ fields: ["SECRET_ACCESS_KEY"], accessKeyId: newKey.accessKeyId });
  });

  it("a replacement rolled back with its transaction leaves the old secrets readable", async () => {
    const input = makeCredential();
    const summary = await registerCredential(database.db, input, { actor: ADMIN });
    await expect(
      database.db.$transaction(async (tx) => {
        await replaceCredentialSecrets(tx, summary.id, { password: "rolled-back-password" });
        throw new Error("IAM refused the rotation");
      }),
    ).rejects.toThrow("IAM refused");
    expect((await readCredentialSecrets(database.db, summary.id)).password).toBe(input.password);
  });

  it("a secret row copied onto another credential does not decrypt there", async () => {
    const a = await registerCredential(database.db, makeCredential(), { actor: ADMIN });
    const b = await registerCredential(database.db, makeCredential(), { actor: ADMIN });
    const source = await database.db.vaultSecret.findUniqueOrThrow({
      where: { credentialId_field: { credentialId: a.id, field: "PASSWORD" } },
    });
    await database.db.vaultSecret.update({
      where: { credentialId_field: { credentialId: b.id, field: "PASSWORD" } },
      data: {
        ciphertext: source.ciphertext,
        iv: source.iv,
        authTag: source.authTag,
        wrappedDataKey: source.wrappedDataKey,
        keyRef: source.keyRef,
      },
    });
    await expect(readCredentialSecrets(database.db, b.id)).rejects.toMatchObject({ code: "SECRET_UNREADABLE" });
    expect((await readCredentialSecrets(database.db, a.id)).password).toBeTruthy();
    await database.db.breakglassCredential.delete({ where: { id: b.id } });
  });

  it("an unknown id is NOT_FOUND", async () => {
    await expect(getCredential(database.db, "nope")).rejects.toMatchObject({ appCode: "NOT_FOUND" });
    await expect(readCredentialSecrets(database.db, "nope")).rejects.toMatchObject({ appCode: "NOT_FOUND" });
  });
});
