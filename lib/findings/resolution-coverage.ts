import type { CollectionStatus, OrgInventory } from "../aws";
import type { LatestDrill } from "../breakglass";
import type { FindingEvents } from "./finding-events";
import type { CoverageSection } from "./types";

export interface ResolutionContext {
  state: OrgInventory;
  events: FindingEvents;
  graphBuilt: boolean;
  baselinesLoaded: boolean;
  /** the latest drills the rules saw; null when they were not loaded */
  drills: readonly LatestDrill[] | null;
}

const complete = (status: CollectionStatus | undefined) => status === "COLLECTED";

function sectionComplete(
  section: CoverageSection,
  accountId: string | null,
  { state, events, graphBuilt, baselinesLoaded, drills }: ResolutionContext,
): boolean {
  const coverage = state.coverage;
  const account = accountId === null ? undefined : coverage.accounts[accountId];
  switch (section) {
    case "organization":
      return complete(coverage.organization);
    case "accountTags":
      return complete(coverage.accountTags);
    case "serviceControlPolicies":
      return complete(coverage.serviceControlPolicies);
    case "iam.authorizationDetails":
      return complete(account?.authorizationDetails);
    case "iam.credentialReport":
      return complete(account?.credentialReport);
    case "identityCenter.users":
      return complete(coverage.identityCenter.users);
    case "identityCenter.groups":
      return complete(coverage.identityCenter.groups);
    case "identityCenter.memberships":
      return complete(coverage.identityCenter.memberships);
    case "identityCenter.permissionSets":
      return complete(coverage.identityCenter.permissionSets);
    case "identityCenter.assignments":
      return complete(coverage.identityCenter.assignments);
    case "cloudTrail":
      return accountId !== null && events.coverage.get(accountId)?.covered === true;
    case "trustGraph":
      return graphBuilt;
    case "trustBaselines":
      return baselinesLoaded;
    case "breakglassDrills":
      // Per account: a drill that could not read IAM there says nothing about its credentials' drift.
      return drills !== null && !drills.some((d) => d.accountId === accountId && d.outcome === "unknown");
  }
}

/**
 * May a finding that this snapshot no longer shows be resolved? Only when everything its rule reads
 * was completely collected for its account — absence in missing, PARTIAL or SKIPPED data proves
 * nothing. An account that left the organization (the account list itself complete) resolves its findings.
 */
export function resolutionBlockers(
  reads: readonly CoverageSection[],
  accountId: string | null,
  context: ResolutionContext,
): CoverageSection[] | "account-left" {
  if (accountId !== null && complete(context.state.coverage.organization) && !context.state.accounts.some((a) => a.id === accountId))
    return "account-left";
  return reads.filter((section) => !sectionComplete(section, accountId, context));
}
