import type { ScenarioSpec } from "../scenario-spec";
import { DEMO_DEPARTED_OWNER, userNameOf } from "./demo-people";
import { DEMO_MEMBER_ACCOUNTS, DEMO_WORKLOAD_ACCOUNTS } from "./demo-access";

type AccountIamSpec = NonNullable<ScenarioSpec["iam"]>[number];
type RoleSpec = NonNullable<AccountIamSpec["roles"]>[number];

/** A consultancy's account someone added to a trust policy. */
export const EXTERNAL_ACCOUNT_ID = "444455556666";

const trust = (principal: unknown, condition?: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
});

const serviceTrust = (service: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
});

const bastionOperators = {
  ArnLike: {
    "aws:PrincipalArn": "arn:aws:iam::{{account:bastion}}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_BastionOperator_*",
  },
};

function memberBaseline(key: string): RoleSpec[] {
  const roles: RoleSpec[] = [
    {
      name: "OrganizationAccountAccessRole",
      trustPolicy: trust("arn:aws:iam::{{account:management}}:root"),
      managedPolicies: ["AdministratorAccess"],
      createdDaysAgo: 900,
    },
    {
      name: "VigilAuditRole",
      description: "Read-only access for the Vigil access-audit console",
      trustPolicy: trust("arn:aws:iam::{{account:management}}:root"),
      managedPolicies: ["SecurityAudit", "ReadOnlyAccess"],
      createdDaysAgo: 120,
    },
  ];
  if (key !== "bastion") {
    // Planted: data-staging's AssumableAdmin also trusts an outside consultancy's whole account.
    const principal =
      key === "data-staging"
        ? ["arn:aws:iam::{{account:bastion}}:root", `arn:aws:iam::${EXTERNAL_ACCOUNT_ID}:root`]
        : "arn:aws:iam::{{account:bastion}}:root";
    roles.push({
      name: "AssumableAdmin",
      description: "Administrator role reached from the bastion account",
      trustPolicy: trust(principal, bastionOperators),
      managedPolicies: ["AdministratorAccess"],
      maxSessionDuration: 3600,
      createdDaysAgo: 500,
    });
  }
  return roles;
}

function workloadRoles(key: string): RoleSpec[] {
  const [team, stage] = key.split("-") as [string, string];
  const teamRole = team === "payments" ? "PaymentsTeamRole" : "DataTeamRole";
  const proxy = team === "payments" ? "Payments-Proxy" : "Data-Proxy";
  const isProd = stage === "prod";
  // Planted: data-prod's team role was "tightened" to the bastion and no longer trusts the proxy.
  const teamTrust = key === "data-prod" ? trust("arn:aws:iam::{{account:bastion}}:root") : trust(`{{ssoRole:${key}:${proxy}}}`);
  const roles: RoleSpec[] = [
    {
      name: teamRole,
      path: "/team/",
      description: `${team} team working role`,
      trustPolicy: teamTrust,
      maxSessionDuration: 28800,
      managedPolicies: isProd ? ["ReadOnlyAccess"] : ["PowerUserAccess"],
      tags: { team },
      createdDaysAgo: 400,
    },
    {
      name: "DeployRole",
      path: "/automation/",
      description: "Assumed by CI to deploy",
      trustPolicy: trust("arn:aws:iam::{{account:shared-services}}:user/automation/ci-deployer"),
      managedPolicies: ["AWSCloudFormationFullAccess"],
      createdDaysAgo: 600,
    },
    {
      name: `${team}-api-task`,
      path: "/service-role/",
      trustPolicy: serviceTrust("ecs-tasks.amazonaws.com"),
      managedPolicies: ["AmazonS3ReadOnlyAccess"],
      createdDaysAgo: 300,
      lastUsedDaysAgo: 0,
    },
    {
      name: `${team}-worker-lambda`,
      path: "/service-role/",
      trustPolicy: serviceTrust("lambda.amazonaws.com"),
      managedPolicies: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      createdDaysAgo: 250,
      lastUsedDaysAgo: 1,
    },
  ];
  if (key === "payments-staging") {
    // Planted: trusts a Jenkins role that has since been deleted (renders as AROA…).
    roles.push({
      name: "LegacyDeployRole",
      path: "/automation/",
      description: "Old Jenkins deploy path",
      trustPolicy: trust(["arn:aws:iam::{{account:shared-services}}:role/jenkins-deployer"]),
      managedPolicies: ["AWSCloudFormationFullAccess"],
      createdDaysAgo: 800,
    });
  }
  return roles;
}

export const DEMO_IAM: AccountIamSpec[] = [
  {
    account: "management",
    passwordPolicy: {
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
    },
    users: [
      {
        name: "breakglass-admin",
        tags: { "vigil:purpose": "break-glass", owner: userNameOf("Nadia", "Petrova") },
        managedPolicies: ["AdministratorAccess"],
        // Its password last use is the planted console login six days ago (scenario events).
        console: { passwordChangedDaysAgo: 200 },
        mfa: true,
        createdDaysAgo: 800,
      },
    ],
    roles: [
      {
        name: "VigilAuditRole",
        description: "Read-only access for the Vigil access-audit console",
        trustPolicy: trust("arn:aws:iam::{{account:management}}:root"),
        managedPolicies: ["SecurityAudit", "ReadOnlyAccess"],
        createdDaysAgo: 120,
      },
    ],
  },
  {
    account: "shared-services",
    users: [
      {
        name: "ci-deployer",
        path: "/automation/",
        tags: { owner: userNameOf("Amelia", "Hart"), "vigil:purpose": "automation" },
        inlinePolicies: [
          {
            name: "assume-deploy-roles",
            document: {
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/automation/DeployRole" }],
            },
          },
        ],
        // Planted: the active key was never rotated (>90 days); the second one is a leftover.
        accessKeys: [{ createdDaysAgo: 420 }, { createdDaysAgo: 200, status: "Inactive" }],
        createdDaysAgo: 700,
      },
    ],
    roles: [
      ...memberBaseline("shared-services"),
      {
        name: "DatadogIntegrationRole",
        description: "Monitoring vendor, pinned by external id",
        trustPolicy: trust("arn:aws:iam::464622532012:root", { StringEquals: { "sts:ExternalId": "4f8e2a1c9b7d4e3f" } }),
        managedPolicies: ["SecurityAudit"],
        createdDaysAgo: 365,
        lastUsedDaysAgo: 0,
      },
    ],
    deletedRoles: [{ name: "jenkins-deployer" }],
  },
  {
    account: "log-archive",
    users: [
      {
        name: "legacy-log-shipper",
        tags: { owner: userNameOf("Priya", "Raman") },
        managedPolicies: ["AmazonS3ReadOnlyAccess"],
        // Planted: nobody has used this user in eight months; its key is two years old.
        accessKeys: [{ createdDaysAgo: 730, lastUsedDaysAgo: 240, lastUsedService: "s3", lastUsedRegion: "N/A" }],
        createdDaysAgo: 760,
      },
    ],
    roles: memberBaseline("log-archive"),
  },
  {
    account: "sandbox",
    users: [
      {
        // Planted: owner left (no Identity Center user any more); console password, no MFA.
        name: "jordan.lee",
        tags: { owner: DEMO_DEPARTED_OWNER },
        managedPolicies: ["PowerUserAccess"],
        console: { passwordLastUsedDaysAgo: 130, passwordChangedDaysAgo: 400 },
        mfa: false,
        accessKeys: [{ createdDaysAgo: 400, lastUsedDaysAgo: 131, lastUsedService: "ec2", lastUsedRegion: "eu-west-1" }],
        createdDaysAgo: 410,
      },
    ],
    roles: [
      ...memberBaseline("sandbox"),
      {
        // The trust lets sandbox developers in, but the DenyAdminRoleAssumption SCP on the Sandbox OU refuses it.
        name: "SandboxAdmin",
        description: "Administrator role for sandbox developers",
        trustPolicy: trust("{{ssoRole:sandbox:PowerUserAccess}}"),
        managedPolicies: ["AdministratorAccess"],
        createdDaysAgo: 180,
      },
    ],
  },
  {
    account: "data-prod",
    users: [
      {
        // Planted: a shared console login without MFA, used every week.
        name: "analytics-export",
        tags: { owner: userNameOf("Grace", "Liu") },
        managedPolicies: ["AmazonS3ReadOnlyAccess"],
        console: { passwordChangedDaysAgo: 300 },
        mfa: false,
        createdDaysAgo: 320,
      },
    ],
    roles: [...memberBaseline("data-prod"), ...workloadRoles("data-prod")],
  },
  ...["security", "bastion"].map((account) => ({ account, roles: memberBaseline(account) })),
  ...DEMO_WORKLOAD_ACCOUNTS.filter((a) => a !== "data-prod").map((account) => ({
    account,
    roles: [...memberBaseline(account), ...workloadRoles(account)],
  })),
];

export const DEMO_ASSUMABLE_ADMIN_TARGETS = DEMO_MEMBER_ACCOUNTS.filter((a) => a !== "bastion");
