import { createHash } from "node:crypto";
import type { RuleId } from "./types";

/**
 * The identity of one problem across snapshots: the rule, the account and the resource, plus any
 * detail that tells two problems of one resource apart (a key slot, a trusted account id). Hashed
 * so that very long ARNs still fit an index.
 */
export function fingerprintOf(rule: RuleId, accountId: string | null, resource: string, ...detail: string[]): string {
  const identity = [rule, accountId ?? "-", resource, ...detail].join("\u0000");
  return `${rule}:${createHash("sha256").update(identity).digest("hex").slice(0, 40)}`;
}
