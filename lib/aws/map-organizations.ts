import type { Organization, OrgAccount, OrgRoot, OrgUnit, Tags } from "./types";
import { toIsoDateTime, type Maybe, type WireTimestamp } from "./wire-values";

/*
 * Organizations entities from the SDK's responses or the AWS CLI's JSON: the same fields, with
 * the CLI's timestamps as text or epoch seconds and its absent fields sometimes null.
 */

export interface OrganizationInput {
  Id?: Maybe<string>;
  Arn?: Maybe<string>;
  FeatureSet?: Maybe<string>;
  MasterAccountId?: Maybe<string>;
  MasterAccountEmail?: Maybe<string>;
}

export interface OrgRootInput {
  Id?: Maybe<string>;
  Arn?: Maybe<string>;
  Name?: Maybe<string>;
  PolicyTypes?: Maybe<ReadonlyArray<{ Type?: Maybe<string>; Status?: Maybe<string> }>>;
}

export interface OrgUnitInput {
  Id?: Maybe<string>;
  Arn?: Maybe<string>;
  Name?: Maybe<string>;
}

export interface OrgAccountInput {
  Id?: Maybe<string>;
  Arn?: Maybe<string>;
  Name?: Maybe<string>;
  Email?: Maybe<string>;
  Status?: Maybe<string>;
  State?: Maybe<string>;
  JoinedMethod?: Maybe<string>;
  JoinedTimestamp?: Maybe<WireTimestamp>;
}

/** A parent in the tree walk: its id and its path of names from the root. */
export interface OrgTreeParent {
  id: string;
  path: string;
}

/** null when DescribeOrganization's answer lacks the organisation id or the management account. */
export function toOrganization(o: Maybe<OrganizationInput>): Organization | null {
  if (!o?.Id || !o.MasterAccountId) return null;
  return {
    id: o.Id,
    arn: o.Arn ?? "",
    featureSet: o.FeatureSet ?? null,
    managementAccountId: o.MasterAccountId,
    managementAccountEmail: o.MasterAccountEmail ?? null,
  };
}

export function toOrgRoot(r: OrgRootInput): OrgRoot {
  const id = r.Id ?? "";
  return {
    key: id,
    id,
    arn: r.Arn ?? "",
    name: r.Name ?? "Root",
    policyTypes: (r.PolicyTypes ?? []).map((p) => ({ type: p.Type ?? "", status: p.Status ?? "" })),
  };
}

export function toOrgUnit(u: OrgUnitInput, parent: OrgTreeParent): OrgUnit {
  const id = u.Id ?? "";
  return { key: id, id, arn: u.Arn ?? "", name: u.Name ?? "", parentId: parent.id, path: `${parent.path}/${u.Name ?? id}` };
}

/** `parent` undefined: the account was not found in the tree walk (parent id and OU path left empty). */
export function toOrgAccount(a: OrgAccountInput, parent: OrgTreeParent | undefined, tags: Tags | null): OrgAccount {
  const id = a.Id ?? "";
  return {
    key: id,
    id,
    arn: a.Arn ?? "",
    name: a.Name ?? "",
    email: a.Email ?? "",
    // `Status` retires in September 2026; `State` is its successor (AWS-WIRE §5).
    status: a.State ?? a.Status ?? "UNKNOWN",
    joinedMethod: a.JoinedMethod ?? null,
    joinedAt: toIsoDateTime(a.JoinedTimestamp),
    parentId: parent?.id ?? "",
    ouPath: parent?.path ?? "",
    tags,
  };
}
