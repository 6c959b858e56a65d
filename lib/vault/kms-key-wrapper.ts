import { DecryptCommand, DescribeKeyCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { DataKeyContext, GeneratedDataKey, KeyWrapper } from "./key-wrapper";
import { kmsUnavailable } from "./vault-errors";

export const KMS_KEY_REF_PREFIX = "kms:";

/** A connection that takes longer than this is not coming; a slow answer may still be. */
const MAX_CONNECTION_TIMEOUT_MS = 10_000;

export type KmsClientOptions = {
  region: string;
  /** the simulator (AWS_ENDPOINT_URL); real AWS when absent */
  endpoint?: string;
  timeoutMs: number;
  credentials?: AwsCredentialIdentityProvider;
};

/** A KMS client whose every wait is bounded (the SDK's defaults wait forever on a silent endpoint). */
export function createKmsClient(options: KmsClientOptions): KMSClient {
  return new KMSClient({
    region: options.region,
    credentials: options.credentials ?? fromNodeProviderChain(),
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: Math.min(options.timeoutMs, MAX_CONNECTION_TIMEOUT_MS),
      requestTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
    }),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}

/**
 * KMS binds the data key to this context (additional authenticated data it checks on Decrypt, and
 * records in CloudTrail): a wrapped key copied onto another credential or field is refused.
 */
export function kmsEncryptionContext(context: DataKeyContext): Record<string, string> {
  return { "vigil:purpose": "breakglass-vault", "vigil:credentialId": context.credentialId, "vigil:field": context.field };
}

/** The AWS error's name only: SDK messages are safe, but a name is all a caller needs. */
function awsErrorName(error: unknown): string {
  return error instanceof Error ? error.name : "unknown error";
}

const CIPHERTEXT_REFUSALS = new Set(["InvalidCiphertextException", "IncorrectKeyException"]);

/** Data keys from AWS KMS (GenerateDataKey AES_256 under `keyId`), unwrapped with Decrypt. */
export function kmsKeyWrapper(client: KMSClient, keyId: string): KeyWrapper {
  let resolvedRef: Promise<string> | undefined;
  const describe = async () => {
    try {
      const response = await client.send(new DescribeKeyCommand({ KeyId: keyId }));
      if (!response.KeyMetadata?.Arn) throw new Error("no key ARN");
      return `${KMS_KEY_REF_PREFIX}${response.KeyMetadata.Arn}`;
    } catch (error) {
      resolvedRef = undefined;
      throw kmsUnavailable(`KMS DescribeKey of ${keyId} failed: ${awsErrorName(error)}`);
    }
  };
  return {
    label: `KMS key ${keyId}`,
    currentKeyRef: () => (resolvedRef ??= describe()),
    async generateDataKey(context: DataKeyContext): Promise<GeneratedDataKey> {
      let response;
      try {
        response = await client.send(
          new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256", EncryptionContext: kmsEncryptionContext(context) }),
        );
      } catch (error) {
        throw kmsUnavailable(`KMS GenerateDataKey with ${keyId} failed: ${awsErrorName(error)}`);
      }
      if (!response.Plaintext || !response.CiphertextBlob || !response.KeyId) {
        throw kmsUnavailable(`KMS GenerateDataKey with ${keyId} answered without a data key`);
      }
      // The response names the key by ARN even when asked by alias: rows record the key that really wrapped them.
      return {
        plaintext: Buffer.from(response.Plaintext),
        wrapped: Buffer.from(response.CiphertextBlob),
        keyRef: `${KMS_KEY_REF_PREFIX}${response.KeyId}`,
      };
    },
    async wrapDataKey(dataKey: Buffer, context: DataKeyContext) {
      let response;
      try {
        response = await client.send(
          new EncryptCommand({ KeyId: keyId, Plaintext: dataKey, EncryptionContext: kmsEncryptionContext(context) }),
        );
      } catch (error) {
        throw kmsUnavailable(`KMS Encrypt with ${keyId} failed: ${awsErrorName(error)}`);
      }
      if (!response.CiphertextBlob || !response.KeyId) throw kmsUnavailable(`KMS Encrypt with ${keyId} answered without a ciphertext`);
      return { wrapped: Buffer.from(response.CiphertextBlob), keyRef: `${KMS_KEY_REF_PREFIX}${response.KeyId}` };
    },
    // Any KMS key may be asked: KMS itself knows which key a blob belongs to, and refuses with IncorrectKeyException.
    canUnwrap: (keyRef) => keyRef.startsWith(KMS_KEY_REF_PREFIX),
    async unwrap(wrapped: Buffer, keyRef: string, context: DataKeyContext): Promise<Buffer> {
      const wrappingKey = keyRef.slice(KMS_KEY_REF_PREFIX.length);
      let response;
      try {
        response = await client.send(
          new DecryptCommand({ CiphertextBlob: wrapped, KeyId: wrappingKey, EncryptionContext: kmsEncryptionContext(context) }),
        );
      } catch (error) {
        if (CIPHERTEXT_REFUSALS.has(awsErrorName(error))) throw new Error(`KMS refused the wrapped data key: ${awsErrorName(error)}`);
        throw kmsUnavailable(`KMS Decrypt with ${wrappingKey} failed: ${awsErrorName(error)}`);
      }
      if (!response.Plaintext) throw kmsUnavailable(`KMS Decrypt with ${wrappingKey} answered without plaintext`);
      return Buffer.from(response.Plaintext);
    },
  };
}
