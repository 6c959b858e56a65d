import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AwsError, jsonValidationError } from "../protocol/aws-error";
import { parseJsonInput } from "../protocol/json-input";
import type { JsonHandler, RequestContext } from "../protocol/request-context";
import { blobKeyId, decryptBlob, encryptBlob, invalidCiphertext } from "./kms/kms-ciphertext";
import { createAlias, createKey, keyMetadata, kmsStore, requireEnabled, resolveKey } from "./kms/kms-keys";

// AWS KMS (awsJson1_1, target prefix TrentService): symmetric keys, data keys and envelope
// ciphertexts bound to their encryption context, with KMS's refusals for the wrong key, blob or context.

const parse = <S extends z.ZodType>(schema: S, input: unknown) => parseJsonInput(schema, input, jsonValidationError);

const KEY_ID = z.string().min(1).max(2048);
const CONTEXT = z.record(z.string(), z.string()).optional();
/** Blobs travel base64-encoded in JSON; a value that is not base64 is a SerializationException in AWS. */
const blob = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Member must be base64-encoded")
    .transform((text) => Buffer.from(text, "base64"))
    .refine((bytes) => bytes.length >= min, `Member must have length greater than or equal to ${min}`)
    .refine((bytes) => bytes.length <= max, `Member must have length less than or equal to ${max}`);

const base64 = (bytes: Buffer) => bytes.toString("base64");

const createKeyOperation: JsonHandler = (ctx, input) => {
  const args = parse(
    z
      .object({
        Description: z.string().max(8192).default(""),
        KeyUsage: z.literal("ENCRYPT_DECRYPT").optional(),
        KeySpec: z.literal("SYMMETRIC_DEFAULT").optional(),
      })
      .loose(),
    input,
  );
  return { KeyMetadata: keyMetadata(createKey(ctx, args.Description)) };
};

const createAliasOperation: JsonHandler = (ctx, input) => {
  const args = parse(z.object({ AliasName: z.string().min(1).max(256), TargetKeyId: KEY_ID }).loose(), input);
  if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(args.AliasName)) {
    throw new AwsError(
      "ValidationException",
      `Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html`,
      400,
    );
  }
  if (args.AliasName.startsWith("alias/aws/"))
    throw new AwsError("NotAuthorizedException", "Cannot create alias with prefix 'alias/aws/'", 400);
  if (args.TargetKeyId.startsWith("alias/") || args.TargetKeyId.includes(":alias/"))
    throw new AwsError("ValidationException", "Aliases must refer to keys. Not aliases", 400);
  createAlias(ctx, args.AliasName, resolveKey(ctx, args.TargetKeyId));
  return {};
};

const describeKey: JsonHandler = (ctx, input) => {
  const args = parse(z.object({ KeyId: KEY_ID }).loose(), input);
  return { KeyMetadata: keyMetadata(resolveKey(ctx, args.KeyId)) };
};

function setEnabled(isEnabled: boolean): JsonHandler {
  return (ctx, input) => {
    const args = parse(z.object({ KeyId: KEY_ID }).loose(), input);
    resolveKey(ctx, args.KeyId).isEnabled = isEnabled;
    return {};
  };
}

const encrypt: JsonHandler = (ctx, input) => {
  const args = parse(z.object({ KeyId: KEY_ID, Plaintext: blob(1, 4096), EncryptionContext: CONTEXT }).loose(), input);
  const key = requireEnabled(resolveKey(ctx, args.KeyId));
  return {
    CiphertextBlob: base64(encryptBlob(key, args.Plaintext, args.EncryptionContext ?? {})),
    KeyId: key.arn,
    EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
  };
};

const generateDataKey: JsonHandler = (ctx, input) => {
  const args = parse(
    z
      .object({
        KeyId: KEY_ID,
        KeySpec: z.enum(["AES_256", "AES_128"]).optional(),
        NumberOfBytes: z.number().int().min(1).max(1024).optional(),
        EncryptionContext: CONTEXT,
      })
      .loose(),
    input,
  );
  if ((args.KeySpec === undefined) === (args.NumberOfBytes === undefined)) {
    throw jsonValidationError("Please specify either number of bytes or key spec.");
  }
  const key = requireEnabled(resolveKey(ctx, args.KeyId));
  const plaintext = randomBytes(args.NumberOfBytes ?? (args.KeySpec === "AES_128" ? 16 : 32));
  return {
    CiphertextBlob: base64(encryptBlob(key, plaintext, args.EncryptionContext ?? {})),
    Plaintext: base64(plaintext),
    KeyId: key.arn,
  };
};

/** The key a blob names: foreign or malformed blobs are InvalidCiphertext, a KeyId that is not that key IncorrectKey. */
function keyForBlob(ctx: RequestContext, ciphertext: Buffer, requestedKeyId: string | undefined) {
  const keyId = blobKeyId(ciphertext);
  const key = keyId === undefined ? undefined : kmsStore(ctx.state).keys.get(keyId);
  if (key === undefined) throw invalidCiphertext();
  if (requestedKeyId !== undefined && resolveKey(ctx, requestedKeyId) !== key) {
    throw new AwsError("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.", 400);
  }
  if (key.accountId !== ctx.caller.accountId || key.region !== ctx.region) {
    // A key in another region cannot decrypt here; one in another account needs a key policy the simulator never grants.
    if (key.region !== ctx.region) throw invalidCiphertext();
    resolveKey(ctx, key.arn);
  }
  return requireEnabled(key);
}

const decrypt: JsonHandler = (ctx, input) => {
  const args = parse(z.object({ CiphertextBlob: blob(1, 6144), KeyId: KEY_ID.optional(), EncryptionContext: CONTEXT }).loose(), input);
  const key = keyForBlob(ctx, args.CiphertextBlob, args.KeyId);
  const plaintext = decryptBlob(key, args.CiphertextBlob, args.EncryptionContext ?? {});
  return { KeyId: key.arn, Plaintext: base64(plaintext), EncryptionAlgorithm: "SYMMETRIC_DEFAULT" };
};

export const KMS_OPERATIONS: Record<string, JsonHandler> = {
  CreateKey: createKeyOperation,
  CreateAlias: createAliasOperation,
  DescribeKey: describeKey,
  EnableKey: setEnabled(true),
  DisableKey: setEnabled(false),
  Encrypt: encrypt,
  GenerateDataKey: generateDataKey,
  Decrypt: decrypt,
};
