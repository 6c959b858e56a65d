/** Search params as Next.js hands them to a page. */
export type RawSearchParams = Record<string, string | string[] | undefined>;
/** The current query as plain strings (first value of each param, empties dropped). */
export type Query = Record<string, string>;
type Changes = Record<string, string | number | null | undefined>;

export function flattenSearchParams(raw: RawSearchParams): Query {
  const query: Query = {};
  for (const [name, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") query[name] = first;
  }
  return query;
}

/** `path?query` with `changes` applied; null/undefined removes a param. */
export function hrefWith(path: string, query: Query, changes: Changes = {}): string {
  const params = new URLSearchParams(query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(name);
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The params a form must carry over as hidden inputs so submitting it keeps the rest of the view. */
export function keptParams(query: Query, names: readonly string[]): Array<[string, string]> {
  return names.flatMap((name) => (query[name] === undefined ? [] : [[name, query[name]] as [string, string]]));
}

/** A link to another inventory page that stays on the snapshot being viewed. */
export function linkAsOf(path: string, query: Query, changes: Changes = {}): string {
  return hrefWith(path, query.snapshot ? { snapshot: query.snapshot } : {}, changes);
}
