import type { NamedPolicy, PolicyDocument } from "./types";

/**
 * A policy document as it reaches a mapper: the API's text (URL-encoded for IAM, plain JSON for
 * SSO Admin) or, from the AWS CLI, which decodes IAM's documents, a JSON object.
 */
export type PolicyDocumentInput = string | Record<string, unknown>;

/**
 * IAM returns policy documents URL-encoded (RFC 3986); SDK v3, unlike boto3, does not decode them.
 * SSO Admin's inline policy is plain JSON. Both go through here: a document that already starts
 * with `{` is plain (a URL-encoded one starts with `%7B`), anything else is decoded.
 */
export function policyText(raw: string): string {
  if (raw.trimStart().startsWith("{")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function decodePolicyDocument(raw: string | undefined | null): PolicyDocument | null {
  return raw ? parsePolicyJson(policyText(raw)) : null;
}

/** A document given as text goes through the decoder; one the CLI already decoded is kept as it is. */
export function toPolicyDocument(input: PolicyDocumentInput | null | undefined): PolicyDocument | null {
  if (input === null || input === undefined) return null;
  return typeof input === "string" ? decodePolicyDocument(input) : (input as PolicyDocument);
}

export function namedPolicy(name: string | undefined, raw: string | undefined): NamedPolicy {
  return plainNamedPolicy(name, policyText(raw ?? ""));
}

/** Text kept exactly as given, never URL-decoded (SSO Admin's inline policy as an export wrote it). */
export function plainNamedPolicy(name: string | undefined, text: string): NamedPolicy {
  return { name: name ?? "", document: parsePolicyJson(text), rawDocument: text };
}

/** As `namedPolicy`, and a document the CLI already decoded keeps its object, with its JSON as the text. */
export function toNamedPolicy(name: string | null | undefined, input: PolicyDocumentInput | null | undefined): NamedPolicy {
  if (input !== null && typeof input === "object")
    return { name: name ?? "", document: input as PolicyDocument, rawDocument: JSON.stringify(input) };
  return namedPolicy(name ?? undefined, input ?? undefined);
}

function parsePolicyJson(text: string): PolicyDocument | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as PolicyDocument) : null;
  } catch {
    return null;
  }
}
