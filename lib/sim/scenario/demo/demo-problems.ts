import type { ScenarioSpec } from "../scenario-spec";
import { DEMO_DEPARTED_OWNER, DIRECT_ADMIN_USER, DIRECT_CONTRACTOR_USER } from "./demo-people";

/** Every problem the demo plants; resources use the same placeholders as policies. */
export const DEMO_PLANTED_PROBLEMS: NonNullable<ScenarioSpec["plantedProblems"]> = [
  {
    kind: "unused-iam-user",
    account: "log-archive",
    resource: "{{user:log-archive:legacy-log-shipper}}",
    description: "IAM user legacy-log-shipper has not been used for 240 days.",
  },
  {
    kind: "stale-access-key",
    account: "log-archive",
    resource: "{{accessKey:log-archive:legacy-log-shipper:0}}",
    description: "Access key of legacy-log-shipper is 730 days old.",
  },
  {
    kind: "orphaned-iam-user",
    account: "sandbox",
    resource: "{{user:sandbox:jordan.lee}}",
    description: `IAM user jordan.lee is owned by ${DEMO_DEPARTED_OWNER}, who no longer exists in Identity Center.`,
  },
  {
    kind: "console-without-mfa",
    account: "sandbox",
    resource: "{{user:sandbox:jordan.lee}}",
    description: "IAM user jordan.lee has a console password and no MFA device.",
  },
  {
    kind: "stale-access-key",
    account: "sandbox",
    resource: "{{accessKey:sandbox:jordan.lee:0}}",
    description: "Access key of jordan.lee is 400 days old and unused for 131 days.",
  },
  {
    kind: "console-without-mfa",
    account: "data-prod",
    resource: "{{user:data-prod:analytics-export}}",
    description: "Shared IAM user analytics-export signs in to the console without MFA.",
  },
  {
    kind: "stale-access-key",
    account: "shared-services",
    resource: "{{accessKey:shared-services:ci-deployer:0}}",
    description: "ci-deployer's active access key has not been rotated for 420 days.",
  },
  {
    kind: "external-trust",
    account: "data-staging",
    resource: "{{role:data-staging:AssumableAdmin}}",
    description: "AssumableAdmin in data-staging trusts external account 444455556666.",
  },
  {
    kind: "dangling-trust-principal",
    account: "payments-staging",
    resource: "{{role:payments-staging:LegacyDeployRole}}",
    description: "LegacyDeployRole trusts a deleted role (shown as its AROA… unique id).",
  },
  {
    kind: "proxy-with-managed-policy",
    account: "management",
    resource: "{{permissionSet:Data-Proxy}}",
    description: "Proxy permission set Data-Proxy has the ReadOnlyAccess managed policy attached.",
  },
  {
    kind: "broken-proxy-chain",
    account: "data-prod",
    resource: "{{role:data-prod:DataTeamRole}}",
    description: "DataTeamRole in data-prod no longer trusts the Data-Proxy reserved role; chained AssumeRole calls are denied.",
  },
  {
    kind: "direct-user-assignment",
    account: "payments-prod",
    resource: "{{idcUser:" + DIRECT_ADMIN_USER + "}}",
    description: `${DIRECT_ADMIN_USER} is assigned AdministratorAccess on payments-prod directly, not through a group.`,
  },
  {
    kind: "direct-user-assignment",
    account: "data-dev",
    resource: "{{idcUser:" + DIRECT_CONTRACTOR_USER + "}}",
    description: `${DIRECT_CONTRACTOR_USER} is assigned PowerUserAccess on data-dev directly.`,
  },
  {
    kind: "long-production-session",
    account: "payments-prod",
    resource: "{{permissionSet:ProdSupport}}",
    description: "ProdSupport grants 12-hour sessions on production accounts.",
  },
  {
    kind: "long-production-session",
    account: "data-prod",
    resource: "{{permissionSet:ProdSupport}}",
    description: "ProdSupport grants 12-hour sessions on production accounts.",
  },
  {
    kind: "unused-assignment",
    account: "payments-prod",
    resource: "{{permissionSet:ReadOnlyAccess}}",
    description: "ReadOnlyAccess on payments-prod (qa, platform-engineers) was not used in 90 days.",
  },
  {
    kind: "unused-assignment",
    account: "data-dev",
    resource: "{{permissionSet:PowerUserAccess}}",
    description: `PowerUserAccess on data-dev assigned to ${DIRECT_CONTRACTOR_USER} was never used.`,
  },
  {
    kind: "breakglass-without-checkout",
    account: "management",
    resource: "{{user:management:breakglass-admin}}",
    description: "breakglass-admin signed in to the console six days ago with no recorded checkout.",
  },
];
