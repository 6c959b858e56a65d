/**
 * lib/search: the console's global search — one query over the latest readable snapshot's
 * accounts, people, groups, permission sets, roles and IAM users, for a search box that jumps to
 * the right page.
 */
export { MAX_QUERY_LENGTH, parseSearchQuery, searchQuerySchema, type QueryShape, type SearchQuery } from "./parse-search-query";
export { DEFAULT_PER_KIND, searchInventory, SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from "./search-inventory";
