/**
 * Plain data returned by the collectors, one file per domain. See types-common.ts for the rules
 * every entity follows (natural keys, ISO timestamps).
 */
export type * from "./types-common";
export type * from "./types-organization";
export type * from "./types-identity-center";
export type * from "./types-iam";
export type * from "./types-inventory";
export type * from "./types-cloudtrail";
