import { resolve, sep } from "node:path";

/** Characters AWS allows in the names and ids the layout puts in paths; anything else is percent-encoded. */
const PLAIN = /[A-Za-z0-9_+=,.@-]/;

/**
 * One path segment from an imported or stored value: `/`, `\`, NUL and every other character AWS
 * does not allow there are percent-encoded, and a segment of only dots is encoded whole, so a value
 * can never name a parent directory. Values in AWS's own formats come through unchanged.
 */
export function encodePathSegment(value: string): string {
  if (value === "") throw new Error("empty path segment");
  const encoded = [...value].map((ch) => (PLAIN.test(ch) ? ch : percentEncode(ch))).join("");
  return /^\.+$/.test(encoded) ? encoded.replaceAll(".", "%2E") : encoded;
}

function percentEncode(ch: string): string {
  return [...Buffer.from(ch, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/** `root/relative`, refused when it resolves outside `root` (the last guard before a write). */
export function resolveInside(root: string, relative: string): string {
  const base = resolve(root);
  const full = resolve(base, relative);
  if (!full.startsWith(base + sep)) throw new PathOutsideTargetError(root, relative);
  return full;
}

export class PathOutsideTargetError extends Error {
  override name = "PathOutsideTargetError";
  constructor(root: string, relative: string) {
    super(`refusing to write ${JSON.stringify(relative)}: it resolves outside ${root}`);
  }
}
