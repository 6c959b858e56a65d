/**
 * Plain data returned by the collectors. The snapshot writer keys versions on each entity's `key`
 * (a stable natural key), so a key must never depend on collection order or on volatile fields.
 * Timestamps are ISO-8601 strings (UTC) so the data survives JSON round-trips unchanged.
 */

export type IsoDateTime = string;

/** A parsed IAM/SSO policy document. Kept loose on purpose: policies are analysed elsewhere. */
export type PolicyDocument = { Version?: string; Id?: string; Statement?: unknown } & Record<string, unknown>;

export type Tags = Record<string, string>;

export interface NamedPolicy {
  name: string;
  /** null when the document was not valid JSON; `rawDocument` keeps the text for review. */
  document: PolicyDocument | null;
  rawDocument: string;
}

export interface ManagedPolicyRef {
  name: string;
  arn: string;
}

export type JsonObject = Record<string, unknown>;
