import type { ScenarioSpec } from "../scenario-spec";
import { DIRECT_ADMIN_USER, DIRECT_CONTRACTOR_USER } from "./demo-people";

type IdentityCenterSpec = ScenarioSpec["identityCenter"];

const assumeOnly = (roleArnPattern: string) => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "AssumeTeamRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: roleArnPattern }],
});

export const DEMO_PERMISSION_SETS: IdentityCenterSpec["permissionSets"] = [
  {
    name: "AdministratorAccess",
    description: "Full administrator access",
    sessionDuration: "PT1H",
    managedPolicies: ["AdministratorAccess"],
  },
  { name: "ReadOnlyAccess", description: "Read-only access to all services", sessionDuration: "PT4H", managedPolicies: ["ReadOnlyAccess"] },
  {
    name: "ViewOnlyAccess",
    description: "View resources and metadata",
    sessionDuration: "PT8H",
    managedPolicies: ["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
  },
  {
    name: "SecurityAudit",
    description: "Security audit read access",
    sessionDuration: "PT4H",
    managedPolicies: ["SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
  },
  {
    name: "Billing",
    description: "Billing and cost management",
    sessionDuration: "PT1H",
    managedPolicies: ["arn:aws:iam::aws:policy/job-function/Billing"],
  },
  { name: "PowerUserAccess", description: "Developers in sandbox and dev", sessionDuration: "PT4H", managedPolicies: ["PowerUserAccess"] },
  {
    name: "Payments-Proxy",
    description: "Entry point into the payments team role",
    sessionDuration: "PT8H",
    // Empty on purpose: PaymentsTeamRole's trust names this set's reserved role ARN, and a same-account
    // trust by ARN needs no identity policy.
    tags: { team: "payments", pattern: "proxy", "vigil:proxy-target": "PaymentsTeamRole" },
  },
  {
    name: "Data-Proxy",
    description: "Entry point into the data team role",
    sessionDuration: "PT8H",
    // Planted: a proxy must stay empty; someone attached a managed policy "temporarily".
    managedPolicies: ["ReadOnlyAccess"],
    tags: { team: "data", pattern: "proxy", "vigil:proxy-target": "DataTeamRole" },
  },
  {
    name: "BastionOperator",
    description: "Operators hop from the bastion into AssumableAdmin",
    sessionDuration: "PT4H",
    inlinePolicy: assumeOnly("arn:aws:iam::*:role/AssumableAdmin"),
  },
  {
    name: "ProdSupport",
    description: "Production support with session manager",
    // Planted: 12-hour sessions on production.
    sessionDuration: "PT12H",
    managedPolicies: ["ReadOnlyAccess"],
    inlinePolicy: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["ssm:StartSession", "ssm:TerminateSession"], Resource: "*" }],
    },
  },
];

const WORKLOADS = ["payments-dev", "payments-staging", "payments-prod", "data-dev", "data-staging", "data-prod"];
const ALL = ["management", "security", "log-archive", "bastion", "shared-services", ...WORKLOADS, "sandbox"];

export const DEMO_ASSIGNMENTS: IdentityCenterSpec["assignments"] = [
  {
    accounts: ["shared-services", "sandbox", "payments-dev", "data-dev"],
    permissionSet: "AdministratorAccess",
    group: "platform-engineers",
  },
  { accounts: WORKLOADS, permissionSet: "ReadOnlyAccess", group: "platform-engineers" },
  { accounts: ["bastion"], permissionSet: "BastionOperator", group: "bastion-operators" },
  { accounts: ["payments-dev", "payments-staging", "payments-prod"], permissionSet: "Payments-Proxy", group: "payments-engineers" },
  { accounts: ["data-dev", "data-staging", "data-prod"], permissionSet: "Data-Proxy", group: "data-engineers" },
  { accounts: ALL, permissionSet: "SecurityAudit", group: "security-team" },
  { accounts: ["security", "log-archive"], permissionSet: "AdministratorAccess", group: "security-team" },
  { accounts: ["management"], permissionSet: "Billing", group: "finance" },
  { accounts: WORKLOADS, permissionSet: "ViewOnlyAccess", group: "leadership" },
  { accounts: ["payments-prod", "data-prod"], permissionSet: "ProdSupport", group: "support" },
  { accounts: ["sandbox"], permissionSet: "PowerUserAccess", group: "contractors" },
  { accounts: ["payments-staging", "data-staging", "payments-prod"], permissionSet: "ReadOnlyAccess", group: "qa" },
  // Planted: direct user assignments bypassing groups.
  { accounts: ["payments-prod"], permissionSet: "AdministratorAccess", user: DIRECT_ADMIN_USER },
  { accounts: ["data-dev"], permissionSet: "PowerUserAccess", user: DIRECT_CONTRACTOR_USER },
];

export const DEMO_WORKLOAD_ACCOUNTS = WORKLOADS;
export const DEMO_MEMBER_ACCOUNTS = ALL.filter((a) => a !== "management");
