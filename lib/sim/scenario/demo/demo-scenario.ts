import type { ScenarioSpec } from "../scenario-spec";
import { DEMO_ASSIGNMENTS, DEMO_PERMISSION_SETS } from "./demo-access";
import { DEMO_ASSUMABLE_ADMIN_TARGETS, DEMO_IAM, EXTERNAL_ACCOUNT_ID } from "./demo-iam";
import { DEMO_DEPARTED_OWNER, DEMO_DORMANT_USERS, DEMO_GROUPS, DEMO_USERS, DIRECT_ADMIN_USER, DIRECT_CONTRACTOR_USER } from "./demo-people";
import { DEMO_PLANTED_PROBLEMS } from "./demo-problems";
import { DEMO_SERVICE_CONTROL_POLICIES } from "./demo-service-control-policies";

/** The bastion operator who widened AssumableAdmin's trust (the first of the group). */
const DEMO_TRUST_CHANGER = DEMO_GROUPS.find((g) => g.name === "bastion-operators")?.members[0] ?? "unknown";

const account = (key: string, id: string, name: string, tags: Record<string, string> = {}) => ({
  key,
  id,
  name,
  email: `aws+${key}@acme-fintech.example`,
  tags,
});

/** "Acme Fintech": twelve accounts, forty people, the usual Identity Center patterns, and planted problems. */
export const DEMO_SCENARIO: ScenarioSpec = {
  name: "demo",
  seed: 20261122,
  homeRegion: "eu-west-1",
  regions: ["us-east-1", "us-east-2", "eu-west-1", "eu-north-1", "ap-southeast-2"],
  ssoRolePathIncludesRegion: true,
  organization: {
    managementAccount: account("management", "210987654321", "acme-management", { environment: "management" }),
    units: [
      {
        name: "Security",
        accounts: [
          account("security", "312456789012", "acme-security", { environment: "security" }),
          account("log-archive", "323456789013", "acme-log-archive", { environment: "security" }),
        ],
      },
      {
        name: "Infrastructure",
        accounts: [
          account("bastion", "334567890124", "acme-bastion", { environment: "infrastructure" }),
          account("shared-services", "345678901235", "acme-shared-services", { environment: "infrastructure" }),
        ],
      },
      {
        name: "Workloads",
        units: [
          {
            name: "Dev",
            accounts: [
              account("payments-dev", "456789012346", "payments-dev", { environment: "dev", team: "payments" }),
              account("data-dev", "467890123457", "data-dev", { environment: "dev", team: "data" }),
            ],
          },
          {
            name: "Staging",
            accounts: [
              account("payments-staging", "478901234568", "payments-staging", { environment: "staging", team: "payments" }),
              account("data-staging", "489012345679", "data-staging", { environment: "staging", team: "data" }),
            ],
          },
          {
            name: "Prod",
            accounts: [
              account("payments-prod", "590123456780", "payments-prod", { environment: "prod", team: "payments" }),
              account("data-prod", "501234567891", "data-prod", { environment: "prod", team: "data" }),
            ],
          },
        ],
      },
      { name: "Sandbox", accounts: [account("sandbox", "612345678902", "acme-sandbox", { environment: "sandbox" })] },
    ],
    serviceControlPolicies: DEMO_SERVICE_CONTROL_POLICIES,
  },
  identityCenter: {
    instanceName: "acme",
    users: DEMO_USERS,
    groups: DEMO_GROUPS,
    permissionSets: DEMO_PERMISSION_SETS,
    assignments: DEMO_ASSIGNMENTS,
  },
  iam: DEMO_IAM,
  activity: {
    days: 90,
    sessionProbability: 0.45,
    consoleShare: 0.65,
    dormantUsers: DEMO_DORMANT_USERS,
    unusedAssignments: [{ account: "payments-prod", permissionSet: "ReadOnlyAccess" }],
    proxies: [
      { permissionSet: "Payments-Proxy", roleName: "PaymentsTeamRole" },
      { permissionSet: "Data-Proxy", roleName: "DataTeamRole" },
    ],
    bastion: { account: "bastion", permissionSet: "BastionOperator", roleName: "AssumableAdmin", targets: DEMO_ASSUMABLE_ADMIN_TARGETS },
    automation: [
      {
        account: "shared-services",
        userName: "ci-deployer",
        perDay: 3,
        assumes: [
          { account: "payments-dev", roleName: "DeployRole" },
          { account: "payments-staging", roleName: "DeployRole" },
          { account: "payments-prod", roleName: "DeployRole" },
          { account: "data-dev", roleName: "DeployRole" },
          { account: "data-staging", roleName: "DeployRole" },
          { account: "data-prod", roleName: "DeployRole" },
        ],
      },
    ],
    consoleUsers: [{ account: "data-prod", userName: "analytics-export", perWeek: 2 }],
  },
  events: [
    // Planted: the break-glass user signed in six days ago; Vigil holds no checkout for it.
    {
      kind: "console-login",
      account: "management",
      userName: "breakglass-admin",
      daysAgo: 6,
      hour: 2,
      mfa: true,
      region: "us-east-1",
      sourceIp: "198.51.100.77",
    },
  ],
  changes: [
    // The planted external trust: a bastion operator, chained into AssumableAdmin, added the consultancy's account.
    {
      kind: "trust-policy",
      account: "data-staging",
      roleName: "AssumableAdmin",
      daysAgo: 23,
      hour: 16,
      by: { roleName: "AssumableAdmin", sessionName: DEMO_TRUST_CHANGER },
    },
  ],
  plantedProblems: DEMO_PLANTED_PROBLEMS,
};

export const DEMO_FACTS = { EXTERNAL_ACCOUNT_ID, DEMO_DEPARTED_OWNER, DIRECT_ADMIN_USER, DIRECT_CONTRACTOR_USER };
