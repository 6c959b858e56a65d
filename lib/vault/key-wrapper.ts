import type { SecretField } from "./envelope";

/** What a data key is bound to: the wrap fails to open for any other credential or field. */
export type DataKeyContext = { credentialId: string; field: SecretField };

export type GeneratedDataKey = {
  plaintext: Buffer;
  wrapped: Buffer;
  /** which key wrapped it, as stored in VaultSecret.keyRef */
  keyRef: string;
};

/**
 * A key that wraps data keys: the master key (master-key-wrapper.ts) or an AWS KMS key
 * (kms-key-wrapper.ts). `keyRef`s are `master:<fingerprint>` or `kms:<key ARN>`.
 */
export interface KeyWrapper {
  /** a readable name for messages: `master key 1a2b…` or `KMS key arn:…` */
  readonly label: string;
  /** The reference rows wrapped by this key now carry (a KMS alias resolved to its key ARN). */
  currentKeyRef(): Promise<string>;
  generateDataKey(context: DataKeyContext): Promise<GeneratedDataKey>;
  /** Wraps an existing data key (rewrap after a key rotation). */
  wrapDataKey(dataKey: Buffer, context: DataKeyContext): Promise<Omit<GeneratedDataKey, "plaintext">>;
  /** Whether this key wrapped a data key stored under `keyRef`. */
  canUnwrap(keyRef: string): boolean;
  /** Throws when the wrap was altered, bound to another context, or made by another key. */
  unwrap(wrapped: Buffer, keyRef: string, context: DataKeyContext): Promise<Buffer>;
}
