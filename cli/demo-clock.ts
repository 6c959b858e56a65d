import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const CLOCK_FILE = "demo-clock.json";
const CLOCK_SCHEMA = z.object({ anchor: z.iso.datetime({ offset: true }) });

/**
 * The time the demo organization's generated history is relative to, fixed at the first `vigil demo`
 * of a data directory. A restart then rebuilds the same organization, so its first snapshot
 * reports no change, instead of every dated entity (users, keys, roles) shifting to the new "now".
 */
export function getDemoClockAnchor(dataDir: string, now: Date = new Date()): Date {
  const file = path.join(dataDir, CLOCK_FILE);
  const stored = readStoredAnchor(file);
  if (stored) return stored;
  const anchor = new Date(Math.floor(now.getTime() / 1000) * 1000);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ anchor: anchor.toISOString() })}\n`);
  return anchor;
}

function readStoredAnchor(file: string): Date | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = CLOCK_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file} is not {"anchor": "<ISO time>"}; fix it, or delete it to restart the demo history from now`);
  }
  return new Date(parsed.data.anchor);
}
