import { z } from "zod";
import { PLANTED_PROBLEM_KINDS } from "../model/problems";

/**
 * A declarative scenario. Accounts are referred to by `key`; policy texts may use placeholders
 * resolved at build time: `{{account:KEY}}` (account id), `{{org}}` (organization id),
 * `{{ssoRole:KEY:PermissionSetName}}` (ARN of the Identity Center role in that account).
 */
const TAGS = z.record(z.string(), z.string());
const POLICY = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const ACCOUNT_SPEC = z.object({
  key: z.string(),
  name: z.string().optional(),
  id: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  email: z.string().optional(),
  state: z.enum(["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"]).optional(),
  joinedDaysAgo: z.number().optional(),
  tags: TAGS.optional(),
});

export interface OuSpec {
  name: string;
  tags?: Record<string, string>;
  accounts?: z.infer<typeof ACCOUNT_SPEC>[];
  units?: OuSpec[];
}

export const OU_SPEC: z.ZodType<OuSpec> = z.lazy(() =>
  z.object({
    name: z.string(),
    tags: TAGS.optional(),
    accounts: z.array(ACCOUNT_SPEC).optional(),
    units: z.array(OU_SPEC).optional(),
  }),
);

/**
 * An SCP besides AWS's FullAWSAccess (which is always attached everywhere). Targets: `root`,
 * `ou:<names from the root, e.g. Workloads/Dev>`, `account:<key>`.
 */
export const SCP_SPEC = z.object({
  name: z.string().min(1).max(128),
  description: z.string().max(512).optional(),
  document: POLICY,
  targets: z.array(z.string().regex(/^(root|ou:.+|account:.+)$/)).max(1000),
});

export const PERMISSION_SET_SPEC = z.object({
  name: z.string().max(32),
  description: z.string().optional(),
  sessionDuration: z.string().optional(),
  relayState: z.string().optional(),
  managedPolicies: z.array(z.string()).optional(),
  customerManagedPolicies: z.array(z.object({ name: z.string(), path: z.string().optional() })).optional(),
  inlinePolicy: POLICY.optional(),
  permissionsBoundary: z
    .union([
      z.object({ managedPolicyArn: z.string() }),
      z.object({ customerManagedPolicy: z.object({ name: z.string(), path: z.string().optional() }) }),
    ])
    .optional(),
  tags: TAGS.optional(),
});

export const IAM_USER_SPEC = z.object({
  name: z.string(),
  path: z.string().optional(),
  createdDaysAgo: z.number().optional(),
  tags: TAGS.optional(),
  groups: z.array(z.string()).optional(),
  managedPolicies: z.array(z.string()).optional(),
  inlinePolicies: z.array(z.object({ name: z.string(), document: POLICY })).optional(),
  console: z
    .object({ passwordLastUsedDaysAgo: z.number().nullable().optional(), passwordChangedDaysAgo: z.number().optional() })
    .optional(),
  mfa: z.boolean().optional(),
  accessKeys: z
    .array(
      z.object({
        createdDaysAgo: z.number(),
        status: z.enum(["Active", "Inactive"]).optional(),
        lastUsedDaysAgo: z.number().optional(),
        lastUsedService: z.string().optional(),
        lastUsedRegion: z.string().optional(),
      }),
    )
    .max(2)
    .optional(),
});

export const IAM_ROLE_SPEC = z.object({
  name: z.string(),
  path: z.string().optional(),
  description: z.string().optional(),
  trustPolicy: POLICY,
  maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
  managedPolicies: z.array(z.string()).optional(),
  inlinePolicies: z.array(z.object({ name: z.string(), document: POLICY })).optional(),
  permissionsBoundary: z.string().optional(),
  tags: TAGS.optional(),
  createdDaysAgo: z.number().optional(),
  lastUsedDaysAgo: z.number().optional(),
});

export const ACCOUNT_IAM_SPEC = z.object({
  account: z.string(),
  users: z.array(IAM_USER_SPEC).optional(),
  groups: z
    .array(
      z.object({
        name: z.string(),
        path: z.string().optional(),
        managedPolicies: z.array(z.string()).optional(),
        inlinePolicies: z.array(z.object({ name: z.string(), document: POLICY })).optional(),
      }),
    )
    .optional(),
  roles: z.array(IAM_ROLE_SPEC).optional(),
  policies: z
    .array(z.object({ name: z.string(), path: z.string().optional(), description: z.string().optional(), document: POLICY }))
    .optional(),
  /** Roles that existed (and may be referenced by trust policies) but were deleted since. */
  deletedRoles: z.array(z.object({ name: z.string(), path: z.string().optional() })).optional(),
  rootMfa: z.boolean().optional(),
  /** The account password policy; without one GetAccountPasswordPolicy answers NoSuchEntity, as AWS does. */
  passwordPolicy: z
    .object({
      minimumPasswordLength: z.number().int().min(6).max(128),
      requireSymbols: z.boolean().optional(),
      requireNumbers: z.boolean().optional(),
      requireUppercaseCharacters: z.boolean().optional(),
      requireLowercaseCharacters: z.boolean().optional(),
      allowUsersToChangePassword: z.boolean().optional(),
      maxPasswordAge: z.number().int().min(1).max(1095).optional(),
      passwordReusePrevention: z.number().int().min(1).max(24).optional(),
      hardExpiry: z.boolean().optional(),
    })
    .optional(),
});

export const ACTIVITY_SPEC = z.object({
  days: z.number().int().min(1).max(90).optional(),
  /** Chance an active user signs in through the portal on a working day. */
  sessionProbability: z.number().min(0).max(1).optional(),
  consoleShare: z.number().min(0).max(1).optional(),
  dormantUsers: z.array(z.string()).optional(),
  unusedAssignments: z.array(z.object({ account: z.string(), permissionSet: z.string() })).optional(),
  /** Proxy permission sets and the team role their sessions assume in the same account. */
  proxies: z.array(z.object({ permissionSet: z.string(), roleName: z.string() })).optional(),
  bastion: z.object({ account: z.string(), permissionSet: z.string(), roleName: z.string(), targets: z.array(z.string()) }).optional(),
  automation: z
    .array(
      z.object({
        account: z.string(),
        userName: z.string(),
        perDay: z.number(),
        assumes: z.array(z.object({ account: z.string(), roleName: z.string() })),
      }),
    )
    .optional(),
  consoleUsers: z.array(z.object({ account: z.string(), userName: z.string(), perWeek: z.number() })).optional(),
});

export const EXPLICIT_EVENT_SPEC = z.object({
  kind: z.literal("console-login"),
  account: z.string(),
  userName: z.string(),
  daysAgo: z.number(),
  hour: z.number().min(0).max(23).optional(),
  mfa: z.boolean().optional(),
  region: z.string().optional(),
  sourceIp: z.string().optional(),
  actions: z
    .array(
      z.object({
        eventSource: z.string(),
        eventName: z.string(),
        readOnly: z.boolean().optional(),
        region: z.string().optional(),
        requestParameters: z.record(z.string(), z.unknown()).nullable().optional(),
      }),
    )
    .optional(),
});

/**
 * A past change written into the trail as the CloudTrail event AWS records for it, so "who changed
 * it" has history: `trust-policy` is an `UpdateAssumeRolePolicy` that wrote the role's current trust
 * policy, made by an IAM user or a role session of that account.
 */
export const CHANGE_SPEC = z.object({
  kind: z.literal("trust-policy"),
  account: z.string(),
  roleName: z.string(),
  daysAgo: z.number().min(0).max(90),
  hour: z.number().min(0).max(23).optional(),
  by: z.union([
    z.object({ userName: z.string() }),
    z.object({ roleName: z.string(), sessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/) }),
  ]),
  sourceIp: z.string().optional(),
});

const FAULTS_SPEC = z.object({
  latencyMs: z.number().optional(),
  operationLatencyMs: z.record(z.string(), z.number()).optional(),
  rateLimits: z
    .union([
      z.literal("aws"),
      z.array(
        z.object({
          service: z.enum(["organizations", "sso", "identitystore", "cloudtrail", "iam", "sts"]).optional(),
          operation: z.string().optional(),
          accountId: z.string().optional(),
          ratePerSecond: z.number().positive(),
          burst: z.number().optional(),
          scope: z.enum(["account-region", "account", "global"]).optional(),
        }),
      ),
    ])
    .optional(),
  accessDeniedAccounts: z.array(z.string()).optional(),
  serverErrors: z
    .array(
      z.object({
        service: z.enum(["organizations", "sso", "identitystore", "cloudtrail", "iam", "sts"]).optional(),
        operation: z.string().optional(),
        accountId: z.string().optional(),
        count: z.number().int().min(0),
        after: z.number().int().min(0).optional(),
        status: z.union([z.literal(500), z.literal(503)]).optional(),
      }),
    )
    .optional(),
});

export const FAULT_CONFIG_SCHEMA = FAULTS_SPEC;

export const SCENARIO_SPEC = z.object({
  name: z.string(),
  seed: z.number().int(),
  /** ISO time the generated history is relative to; defaults to the real now. */
  now: z.string().datetime().optional(),
  homeRegion: z.string().default("us-east-1"),
  regions: z.array(z.string()).optional(),
  /** Put the region into reserved role paths (`/aws-reserved/sso.amazonaws.com/<region>/`). */
  ssoRolePathIncludesRegion: z.boolean().optional(),
  organization: z.object({
    id: z.string().optional(),
    managementAccount: ACCOUNT_SPEC,
    accounts: z.array(ACCOUNT_SPEC).optional(),
    units: z.array(OU_SPEC).optional(),
    serviceControlPolicies: z.array(SCP_SPEC).optional(),
  }),
  identityCenter: z.object({
    instanceName: z.string().optional(),
    users: z.array(
      z.object({
        userName: z.string(),
        givenName: z.string(),
        familyName: z.string(),
        email: z.string().optional(),
        title: z.string().optional(),
        status: z.enum(["ENABLED", "DISABLED"]).optional(),
        createdDaysAgo: z.number().optional(),
      }),
    ),
    groups: z.array(z.object({ name: z.string(), description: z.string().optional(), members: z.array(z.string()) })),
    permissionSets: z.array(PERMISSION_SET_SPEC),
    assignments: z.array(
      z.object({
        accounts: z.array(z.string()),
        permissionSet: z.string(),
        group: z.string().optional(),
        user: z.string().optional(),
      }),
    ),
  }),
  iam: z.array(ACCOUNT_IAM_SPEC).optional(),
  activity: ACTIVITY_SPEC.optional(),
  events: z.array(EXPLICIT_EVENT_SPEC).optional(),
  changes: z.array(CHANGE_SPEC).optional(),
  credentials: z
    .array(z.object({ accessKeyId: z.string(), account: z.string(), userName: z.string().optional(), roleName: z.string().optional() }))
    .optional(),
  faults: FAULTS_SPEC.optional(),
  plantedProblems: z
    .array(z.object({ kind: z.enum(PLANTED_PROBLEM_KINDS), account: z.string(), resource: z.string(), description: z.string() }))
    .optional(),
});

export type ScenarioSpec = z.input<typeof SCENARIO_SPEC>;
export type ParsedScenarioSpec = z.output<typeof SCENARIO_SPEC>;
