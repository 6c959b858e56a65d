import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
} from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimServer, type SimServer } from "./index";
import { errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;
let kms: KMSClient;
let keyArn: string;
let keyId: string;
const CONTEXT = { "vigil:credentialId": "c1", "vigil:field": "PASSWORD" };

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  kms = new KMSClient(simClientConfig(server, { region: "us-east-1" }));
  const created = await kms.send(new CreateKeyCommand({ Description: "vault" }));
  keyArn = created.KeyMetadata!.Arn!;
  keyId = created.KeyMetadata!.KeyId!;
  await kms.send(new CreateAliasCommand({ AliasName: "alias/vigil-vault", TargetKeyId: keyId }));
});
afterAll(() => server.close());

describe("KMS through the real SDK", () => {
  it("creates a symmetric key in the caller's account and region, found by id, ARN, alias and alias ARN", async () => {
    expect(keyArn).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\/[0-9a-f-]{36}$/);
    const account = keyArn.split(":")[4];
    for (const name of [keyId, keyArn, "alias/vigil-vault", `arn:aws:kms:us-east-1:${account}:alias/vigil-vault`]) {
      const described = await kms.send(new DescribeKeyCommand({ KeyId: name }));
      expect(described.KeyMetadata).toMatchObject({
        Arn: keyArn,
        KeyState: "Enabled",
        KeyUsage: "ENCRYPT_DECRYPT",
        KeySpec: "SYMMETRIC_DEFAULT",
      });
      expect(described.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    }
  });

  it("GenerateDataKey gives a 32-byte key whose blob Decrypt opens with the same context, naming the key ARN", async () => {
    const dataKey = await kms.send(
      new GenerateDataKeyCommand({ KeyId: "alias/vigil-vault", KeySpec: "AES_256", EncryptionContext: CONTEXT }),
    );
    expect(dataKey.Plaintext).toHaveLength(32);
    expect(dataKey.KeyId).toBe(keyArn);
    const opened = await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: { ...CONTEXT } }));
    expect(Buffer.from(opened.Plaintext!).equals(Buffer.from(dataKey.Plaintext!))).toBe(true);
    expect(opened.KeyId).toBe(keyArn);
  });

  it("Encrypt then Decrypt round-trips, the context's key order not mattering", async () => {
    const sealed = await kms.send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from("hello"), EncryptionContext: CONTEXT }));
    const reordered = { "vigil:field": "PASSWORD", "vigil:credentialId": "c1" };
    const opened = await kms.send(
      new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, KeyId: keyId, EncryptionContext: reordered }),
    );
    expect(Buffer.from(opened.Plaintext!).toString()).toBe("hello");
  });

  it("another encryption context, a missing one or a flipped byte is InvalidCiphertextException", async () => {
    const sealed = await kms.send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from("hello"), EncryptionContext: CONTEXT }));
    const blob = Buffer.from(sealed.CiphertextBlob!);
    const flipped = Buffer.from(blob);
    flipped[flipped.length - 1]! ^= 1;
    for (const request of [
      { CiphertextBlob: blob, EncryptionContext: { ...CONTEXT, "vigil:credentialId": "c2" } },
      { CiphertextBlob: blob },
      { CiphertextBlob: flipped, EncryptionContext: CONTEXT },
      { CiphertextBlob: Buffer.from("not a kms blob at all"), EncryptionContext: CONTEXT },
    ]) {
      const error = await errorOf(kms.send(new DecryptCommand(request)));
      expect(error.name).toBe("InvalidCiphertextException");
      expect(error.$metadata?.httpStatusCode).toBe(400);
    }
  });

  it("Decrypt naming another key than the blob's is IncorrectKeyException", async () => {
    const other = await kms.send(new CreateKeyCommand({}));
    const sealed = await kms.send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from("x"), EncryptionContext: CONTEXT }));
    const error = await errorOf(
      kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, KeyId: other.KeyMetadata!.Arn, EncryptionContext: CONTEXT })),
    );
    expect(error.name).toBe("IncorrectKeyException");
  });

  it("unknown keys, aliases and malformed ids are NotFoundException; another region does not see the key", async () => {
    for (const name of ["alias/missing", "11111111-2222-3333-4444-555555555555", "not-a-key"]) {
      const error = await errorOf(kms.send(new GenerateDataKeyCommand({ KeyId: name, KeySpec: "AES_256" })));
      expect(error.name, name).toBe("NotFoundException");
    }
    const euWest = new KMSClient(simClientConfig(server, { region: "eu-west-1" }));
    expect((await errorOf(euWest.send(new DescribeKeyCommand({ KeyId: keyId })))).name).toBe("NotFoundException");
  });

  it("GenerateDataKey without KeySpec or NumberOfBytes is a ValidationException", async () => {
    const error = await errorOf(kms.send(new GenerateDataKeyCommand({ KeyId: keyArn })));
    expect(error.name).toBe("ValidationException");
  });

  it("a disabled key refuses to make or open data keys (DisabledException)", async () => {
    const created = await kms.send(new CreateKeyCommand({}));
    const arn = created.KeyMetadata!.Arn!;
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: arn, KeySpec: "AES_256" }));
    await kms.send(new DisableKeyCommand({ KeyId: arn }));
    expect((await errorOf(kms.send(new GenerateDataKeyCommand({ KeyId: arn, KeySpec: "AES_256" })))).name).toBe("DisabledException");
    expect((await errorOf(kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob })))).name).toBe("DisabledException");
  });
});
