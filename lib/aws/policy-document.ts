import type { NamedPolicy, PolicyDocument } from "./types";

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

export function namedPolicy(name: string | undefined, raw: string | undefined): NamedPolicy {
  const text = policyText(raw ?? "");
  return { name: name ?? "", document: parsePolicyJson(text), rawDocument: text };
}

function parsePolicyJson(text: string): PolicyDocument | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as PolicyDocument) : null;
  } catch {
    return null;
  }
}
