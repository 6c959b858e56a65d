import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aesGcmDecrypt, aesGcmEncrypt, secretAad } from "./envelope";
import { decodeMasterKey, masterKeyFingerprint, masterKeyWrapper } from "./master-key-wrapper";
import { openSecret, sealSecret } from "./seal-secrets";
import { makeTestKeyring } from "./testing";
import { VaultError } from "./vault-errors";

const PASSWORD = "correct horse battery staple 9!";

describe("AES-256-GCM envelope", () => {
  it("round-trips a secret under its associated data", () => {
    const key = randomBytes(32);
    const sealed = aesGcmEncrypt(key, Buffer.from(PASSWORD), secretAad("c1", "PASSWORD"));
    expect(sealed.ciphertext.toString("utf8")).not.toContain(PASSWORD);
    expect(aesGcmDecrypt(key, sealed, secretAad("c1", "PASSWORD")).toString()).toBe(PASSWORD);
  });

  it("refuses a ciphertext, IV or tag with one bit flipped", () => {
    const key = randomBytes(32);
    const aad = secretAad("c1", "PASSWORD");
    const sealed = aesGcmEncrypt(key, Buffer.from(PASSWORD), aad);
    for (const part of ["ciphertext", "iv", "authTag"] as const) {
      const tampered = { ...sealed, [part]: Buffer.from(sealed[part]) };
      tampered[part][0]! ^= 1;
      expect(() => aesGcmDecrypt(key, tampered, aad), part).toThrow();
    }
  });

  it("refuses another key and another credential's or field's associated data", () => {
    const key = randomBytes(32);
    const sealed = aesGcmEncrypt(key, Buffer.from(PASSWORD), secretAad("c1", "PASSWORD"));
    expect(() => aesGcmDecrypt(randomBytes(32), sealed, secretAad("c1", "PASSWORD"))).toThrow();
    expect(() => aesGcmDecrypt(key, sealed, secretAad("c2", "PASSWORD"))).toThrow();
    expect(() => aesGcmDecrypt(key, sealed, secretAad("c1", "SECRET_ACCESS_KEY"))).toThrow();
  });
});

describe("sealed secrets", () => {
  it("round-trips through a fresh data key wrapped by the master key", async () => {
    const keyring = makeTestKeyring();
    const row = await sealSecret(keyring, "c1", "PASSWORD", PASSWORD);
    expect(row.keyRef).toMatch(/^master:[0-9a-f]{16}$/);
    expect(Buffer.from(row.ciphertext).toString("latin1")).not.toContain(PASSWORD);
    await expect(openSecret(keyring, "c1", row)).resolves.toBe(PASSWORD);
  });

  it("uses a new data key and IV for every secret, even the same one twice", async () => {
    const keyring = makeTestKeyring();
    const first = await sealSecret(keyring, "c1", "PASSWORD", PASSWORD);
    const second = await sealSecret(keyring, "c1", "PASSWORD", PASSWORD);
    expect(Buffer.from(first.wrappedDataKey).equals(Buffer.from(second.wrappedDataKey))).toBe(false);
    expect(Buffer.from(first.ciphertext).equals(Buffer.from(second.ciphertext))).toBe(false);
  });

  it("a tampered ciphertext or wrapped data key fails with SECRET_UNREADABLE, naming no secret", async () => {
    const keyring = makeTestKeyring();
    const row = await sealSecret(keyring, "c1", "PASSWORD", PASSWORD);
    const badCiphertext = { ...row, ciphertext: Uint8Array.from(row.ciphertext, (b, i) => (i === 0 ? b ^ 1 : b)) };
    const badWrap = { ...row, wrappedDataKey: Uint8Array.from(row.wrappedDataKey, (b, i) => (i === 20 ? b ^ 1 : b)) };
    for (const tampered of [badCiphertext, badWrap]) {
      const error = await openSecret(keyring, "c1", tampered).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultError);
      expect((error as VaultError).code).toBe("SECRET_UNREADABLE");
      expect((error as VaultError).message).not.toContain(PASSWORD);
    }
  });

  it("a row moved to another credential or field does not decrypt (associated data)", async () => {
    const keyring = makeTestKeyring();
    const row = await sealSecret(keyring, "c1", "PASSWORD", PASSWORD);
    await expect(openSecret(keyring, "c2", row)).rejects.toMatchObject({ code: "SECRET_UNREADABLE" });
    await expect(openSecret(keyring, "c1", { ...row, field: "SECRET_ACCESS_KEY" })).rejects.toMatchObject({ code: "SECRET_UNREADABLE" });
  });

  it("a wrong master key with the right fingerprint label fails; an unknown key reference is named", async () => {
    const row = await sealSecret(makeTestKeyring(), "c1", "PASSWORD", PASSWORD);
    const other = makeTestKeyring();
    const error = (await openSecret(other, "c1", row).catch((e: unknown) => e)) as VaultError;
    expect(error.code).toBe("VAULT_KEY_UNAVAILABLE");
    expect(error.message).toContain(row.keyRef);
    // Forged reference: the row claims the other key wrapped it, and GCM still refuses.
    const forged = { ...row, keyRef: await other.current.currentKeyRef() };
    await expect(openSecret(other, "c1", forged)).rejects.toMatchObject({ code: "SECRET_UNREADABLE" });
  });

  it("the previous master key still opens rows it wrapped", async () => {
    const oldKey = randomBytes(32);
    const row = await sealSecret(makeTestKeyring(oldKey), "c1", "PASSWORD", PASSWORD);
    const rotated = { current: masterKeyWrapper(randomBytes(32)), others: [masterKeyWrapper(oldKey)] };
    await expect(openSecret(rotated, "c1", row)).resolves.toBe(PASSWORD);
  });
});

describe("master key", () => {
  it("decodes 64 hex digits and base64 (padded, unpadded, URL alphabet) to the same 32 bytes", () => {
    const key = randomBytes(32);
    for (const text of [key.toString("hex"), key.toString("base64"), key.toString("base64").replace(/=$/, ""), key.toString("base64url")]) {
      expect(decodeMasterKey(text).equals(key), text).toBe(true);
    }
  });

  it("refuses 31 or 33 bytes and text that is neither hex nor base64", () => {
    expect(() => decodeMasterKey(randomBytes(31).toString("base64"))).toThrow(/32 bytes/);
    expect(() => decodeMasterKey(randomBytes(33).toString("hex"))).toThrow(/32 bytes/);
    expect(() => decodeMasterKey("not a key at all, not a key at all, not a k")).toThrow(/32 bytes/);
  });

  it("fingerprints differ per key and do not contain the key", () => {
    const key = randomBytes(32);
    expect(masterKeyFingerprint(key)).not.toBe(masterKeyFingerprint(randomBytes(32)));
    expect(key.toString("hex")).not.toContain(masterKeyFingerprint(key));
  });
});
