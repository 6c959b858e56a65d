const cache = new Map<string, RegExp>();

/** IAM `*` / `?` glob match (case-sensitive unless asked), as StringLike and ArnLike use it. */
export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? "i" : "s"}:${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    const body = pattern
      .split("")
      .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("");
    re = new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
    if (cache.size > 5000) cache.clear();
    cache.set(key, re);
  }
  return re.test(value);
}
