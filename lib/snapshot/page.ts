export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface PageSort<S extends string = string> {
  by: S;
  dir: SortDirection;
}

/**
 * The one page contract of every list read model: the rows, the total matching the filter (so the
 * UI can say "51–100 of 340"), and the paging and order the rows were cut with.
 */
export interface Page<Row, S extends string = string> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
  sort: PageSort<S>;
}

export function pageBounds(page: number, pageSize: number): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
