/** Makes LIKE/ILIKE wildcards (and the escape character itself) in user text match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A "contains" pattern for ILIKE. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A "starts with" pattern for LIKE. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

/** Everything strictly below a `/`-separated path, e.g. the OUs nested under `Root/Workloads`. */
export function childrenPattern(path: string): string {
  return `${escapeLike(path)}/%`;
}
