/**
 * Profile and session names of a generated AWS CLI config: lower-case, only `[a-z0-9._-]`, never
 * empty, never starting with `-` or `.` (a name a shell flag or a hidden file could be mistaken for).
 * Anything a hostile account, permission set or role name carries (newlines, brackets, `=`, spaces)
 * becomes `-`, so a name cannot open a section or add a line.
 */
export function profileNamePart(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 64)
    .replace(/[-.]+$/g, "");
  return cleaned === "" ? "unnamed" : cleaned;
}

/**
 * Gives each wanted name a unique one, in the order given (callers sort first, so the result is
 * deterministic): the first keeps its name, later ones get `-2`, `-3`, … (skipping any name taken).
 */
export function uniqueNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  const counters = new Map<string, number>();
  return wanted.map((name) => {
    let candidate = name;
    let n = counters.get(name) ?? 1;
    while (taken.has(candidate)) candidate = `${name}-${++n}`;
    counters.set(name, n);
    taken.add(candidate);
    return candidate;
  });
}
