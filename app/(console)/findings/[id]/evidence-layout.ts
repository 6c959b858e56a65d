import { inventoryHref, parseAssignmentKey } from "../../_components/inventory-links";

/** A CloudTrail event as rules put it in evidence (lib/findings TrailEventSummary). */
export type EvidenceEvent = {
  eventId?: string;
  eventTime: string;
  eventName: string;
  accountId?: string | null;
  actorArn?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
  success?: boolean;
};

export type EvidenceChange = { path: string; kind: string; before?: unknown; after?: unknown };

export type EvidencePart =
  | { kind: "fields"; entries: Array<[label: string, value: string | number | boolean | null]> }
  | { kind: "credentialReport"; label: string; fields: Array<[name: string, value: unknown]> }
  | { kind: "events"; label: string; events: EvidenceEvent[] }
  | { kind: "changes"; label: string; changes: EvidenceChange[] }
  | { kind: "json"; label: string; value: unknown };

/** `updateAssumeRolePolicyEvents` → `Update assume role policy events`. */
export function humanize(key: string): string {
  const words = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

function isEvent(value: unknown): value is EvidenceEvent {
  return isRecord(value) && typeof value.eventTime === "string" && typeof value.eventName === "string";
}

function isChange(value: unknown): value is EvidenceChange {
  return isRecord(value) && typeof value.path === "string" && ["added", "removed", "changed"].includes(String(value.kind));
}

/**
 * Splits a finding's evidence into readable parts: plain facts in one list, credential-report
 * fields as a table, CloudTrail events as an event table, JSON diffs as a change table, and
 * documents (policies, statements) as JSON. Keeps the evidence's own order.
 */
export function layoutEvidence(evidence: Record<string, unknown>): EvidencePart[] {
  const facts: Array<[string, string | number | boolean | null]> = [];
  const parts: EvidencePart[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    const label = humanize(key);
    if (value === undefined) continue;
    if (isScalar(value)) facts.push([label, value]);
    else if (key === "credentialReport" && isRecord(value)) parts.push({ kind: "credentialReport", label, fields: Object.entries(value) });
    else if (Array.isArray(value) && value.length > 0 && value.every(isEvent)) parts.push({ kind: "events", label, events: value });
    else if (Array.isArray(value) && value.length > 0 && value.every(isChange)) parts.push({ kind: "changes", label, changes: value });
    else if (Array.isArray(value) && value.every(isScalar)) facts.push([label, value.length ? value.map(String).join(", ") : "—"]);
    else parts.push({ kind: "json", label, value });
  }
  return facts.length ? [{ kind: "fields", entries: facts }, ...parts] : parts;
}

export type EvidenceReference = { text: string; href: string };

const MAX_REFERENCES = 50;
const MAX_DEPTH = 12;

/**
 * Every resource the evidence names that has an inventory page (ARNs anywhere in it, account ids
 * under an account-ish key, assignment keys), once each, in the order met; at most MAX_REFERENCES.
 */
export function collectReferences(evidence: unknown): EvidenceReference[] {
  const found = new Map<string, string>();
  const add = (text: string) => {
    if (found.size >= MAX_REFERENCES || found.has(text)) return;
    const href = inventoryHref(text);
    if (href) found.set(text, href);
  };
  const walk = (value: unknown, key: string, depth: number) => {
    if (depth > MAX_DEPTH || found.size >= MAX_REFERENCES) return;
    if (typeof value === "string") {
      const assignment = parseAssignmentKey(value);
      if (assignment) {
        add(assignment.accountId);
        add(assignment.permissionSetArn);
      } else if (value.startsWith("arn:") || (/account/i.test(key) && /^\d{12}$/.test(value))) add(value);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key, depth + 1);
    else if (isRecord(value)) for (const [childKey, child] of Object.entries(value)) walk(child, childKey, depth + 1);
  };
  walk(evidence, "", 0);
  return [...found].map(([text, href]) => ({ text, href }));
}
