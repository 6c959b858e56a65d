import type { ScenarioSpec } from "../../sim";

/**
 * An organization nobody tuned the rules on: the tricky-but-real AWS shapes of trust policies,
 * IAM users and permission sets, each firing case beside its near-miss. The expected findings are
 * listed in `ACCEPTANCE_EXPECTED_FINDINGS`; everything else must stay silent.
 */
export const ACCEPTANCE_ACCOUNTS = {
  management: "100000000001",
  prod: "100000000002",
  dev: "100000000003",
  vendorPinned: "555555555555",
  vendorOpen: "666666666666",
  vendorNullPinned: "777777777777",
} as const;

const { management, prod, dev } = ACCEPTANCE_ACCOUNTS;
/** Identity Store display names accept any printable text: a formula, markup and emoji must pass through safely. */
export const HOSTILE_GROUP = "=cmd|' /C calc'!A0 <script>alert(1)</script> 🚨";
export const HOSTILE_TEXT = "<script>alert(1)</script> =cmd|' /C calc'!A0 Ünïcødé 🚨";
const PERMISSION_SET_INLINE_QUOTA = 32_768;

/** A valid inline policy of exactly `length` characters. */
export function inlinePolicyOfLength(length: number): string {
  const doc = (pad: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::b/${pad}` }] });
  const base = doc("").length;
  if (length < base) throw new Error(`an inline policy is at least ${base} characters`);
  return doc("x".repeat(length - base));
}

export const INLINE_89_PERCENT = Math.floor(PERMISSION_SET_INLINE_QUOTA * 0.89);
export const INLINE_91_PERCENT = Math.ceil(PERMISSION_SET_INLINE_QUOTA * 0.91);

const allow = (principal: unknown, condition?: Record<string, Record<string, unknown>>, action = "sts:AssumeRole") => ({
  Effect: "Allow",
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
});
const policy = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const role = (name: string, trustPolicy: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  trustPolicy: trustPolicy as Record<string, unknown>,
  ...extra,
});
const RESERVED_PREFIX = "role/aws-reserved/sso.amazonaws.com/AWSReservedSSO";

/** The audit role Vigil assumes, narrowed to the collector's own principals (not the whole management account). */
const auditRole = role(
  "VigilAuditRole",
  policy(allow({ AWS: `arn:aws:iam::${management}:root` }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${management}:user/vigil-*` } })),
  { managedPolicies: ["SecurityAudit"] },
);

export const ACCEPTANCE_SCENARIO: ScenarioSpec = {
  name: "acceptance-edge-cases",
  seed: 909,
  homeRegion: "us-east-1",
  organization: {
    managementAccount: { key: "management", id: management, name: "edge-management" },
    units: [
      { name: "Prod", accounts: [{ key: "prod", id: prod, name: "edge-prod" }] },
      { name: "NonProd", accounts: [{ key: "dev", id: dev, name: "edge-dev", tags: { environment: "development" } }] },
    ],
  },
  identityCenter: {
    users: [
      { userName: "ana", givenName: "Ana", familyName: "Ünïcødé", email: "ana@example.com" },
      { userName: "ben", givenName: "Ben", familyName: HOSTILE_TEXT, email: "ben@example.com" },
      { userName: "carla", givenName: "Carla", familyName: "Direct", email: "carla@example.com" },
    ],
    groups: [{ name: HOSTILE_GROUP, description: HOSTILE_TEXT, members: ["ana", "ben"] }],
    permissionSets: [
      { name: "ProdShort", sessionDuration: "PT1H", managedPolicies: ["ReadOnlyAccess"], description: HOSTILE_TEXT },
      { name: "ProdLong", sessionDuration: "PT2H", managedPolicies: ["AdministratorAccess"] },
      { name: "DevAdmin", sessionDuration: "PT8H", managedPolicies: ["AdministratorAccess"] },
      { name: "Inline89", inlinePolicy: inlinePolicyOfLength(INLINE_89_PERCENT) },
      { name: "Inline91", inlinePolicy: inlinePolicyOfLength(INLINE_91_PERCENT) },
      {
        name: "Team-Proxy",
        permissionsBoundary: { managedPolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
        tags: { "vigil:proxy-target": "TeamRole" },
      },
    ],
    assignments: [
      { accounts: ["prod"], permissionSet: "ProdShort", group: HOSTILE_GROUP },
      { accounts: ["prod"], permissionSet: "ProdLong", group: HOSTILE_GROUP },
      { accounts: ["dev"], permissionSet: "DevAdmin", group: HOSTILE_GROUP },
      { accounts: ["dev"], permissionSet: "DevAdmin", user: "carla" },
      { accounts: ["dev"], permissionSet: "Team-Proxy", group: HOSTILE_GROUP },
    ],
  },
  iam: [
    {
      account: "prod",
      roles: [
        auditRole,
        // Principal.AWS as one string naming a role: a named principal, never a whole account.
        role("SingleStringPrincipal", policy(allow({ AWS: `arn:aws:iam::${dev}:role/Deployer` }))),
        // root ARN + bare id + role ARN: two whole accounts.
        role("MixedPrincipals", policy(allow({ AWS: [`arn:aws:iam::${dev}:root`, management, `arn:aws:iam::${dev}:role/Deployer`] }))),
        // Allow the dev account, Deny everyone but Deployer: narrowed by the Deny.
        role(
          "DenyNotPrincipal",
          policy(allow({ AWS: `arn:aws:iam::${dev}:root` }), {
            Effect: "Deny",
            NotPrincipal: { AWS: [`arn:aws:iam::${dev}:role/Deployer`, `arn:aws:iam::${dev}:root`] },
            Action: "sts:AssumeRole",
          }),
        ),
        // Allow the dev account, Deny the dev account outright: nobody.
        role("AllowThenDenySame", policy(allow({ AWS: `arn:aws:iam::${dev}:root` }), { ...allow({ AWS: dev }), Effect: "Deny" })),
        // Allow the dev account, Deny unless the caller is Deployer: narrowed.
        role(
          "DenyUnlessPrincipalArn",
          policy(allow({ AWS: `arn:aws:iam::${dev}:root` }), {
            ...allow("*", { ArnNotEquals: { "aws:PrincipalArn": `arn:aws:iam::${dev}:role/Deployer` } }),
            Effect: "Deny",
          }),
        ),
        // The narrowed AssumeRole statement beside an unconditioned TagSession one: TagSession alone lets no one in.
        role(
          "TagSessionSplit",
          policy(
            allow({ AWS: `arn:aws:iam::${dev}:root` }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${dev}:role/Deployer` } }),
            allow({ AWS: `arn:aws:iam::${dev}:root` }, undefined, "sts:TagSession"),
          ),
        ),
        // Conditions that leave the whole account in: a negated PrincipalArn, a pattern every principal matches.
        role(
          "AllowAllButOne",
          policy(allow({ AWS: `arn:aws:iam::${dev}:root` }, { StringNotLike: { "aws:PrincipalArn": `arn:aws:iam::${dev}:role/Bad*` } })),
        ),
        role(
          "PatternMatchesAll",
          policy(allow({ AWS: `arn:aws:iam::${dev}:root` }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${dev}:*` } })),
        ),
        // An account root narrowed only by its own account id: still the whole account.
        role("AccountConditionOnly", policy(allow({ AWS: `arn:aws:iam::${dev}:root` }, { StringEquals: { "aws:PrincipalAccount": dev } }))),
        // An account root narrowed by a PrincipalArn pattern: not the whole account.
        role(
          "ProdAdmin",
          policy(
            allow(
              { AWS: `arn:aws:iam::${prod}:root` },
              { StringLike: { "aws:PrincipalArn": `arn:aws:iam::${prod}:${RESERVED_PREFIX}_ProdLong_*` } },
            ),
          ),
          { maxSessionDuration: 14_400, managedPolicies: ["AdministratorAccess"] },
        ),
        role("DeepRole", policy(allow({ AWS: `arn:aws:iam::${prod}:role/ProdAdmin` })), { maxSessionDuration: 43_200 }),
        role("OrgWide", policy(allow({ AWS: "*" }, { StringEquals: { "aws:PrincipalOrgID": "{{org}}" } }))),
        role("WildcardSourceIp", policy(allow({ AWS: "*" }, { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }))),
        role(
          "VendorPinned",
          policy(
            allow(
              { AWS: `arn:aws:iam::${ACCEPTANCE_ACCOUNTS.vendorPinned}:root` },
              { StringEquals: { "sts:ExternalId": "s3cr3t-vendor-id" } },
            ),
          ),
        ),
        role("VendorOpen", policy(allow({ AWS: `arn:aws:iam::${ACCEPTANCE_ACCOUNTS.vendorOpen}:role/Auditor` }))),
        // Null only says an ExternalId is present: any value passes, no confused-deputy protection.
        role(
          "VendorNullPinned",
          policy(allow({ AWS: `arn:aws:iam::${ACCEPTANCE_ACCOUNTS.vendorNullPinned}:root` }, { Null: { "sts:ExternalId": "false" } })),
        ),
        role(
          "OktaSaml",
          policy(
            allow(
              { Federated: `arn:aws:iam::${prod}:saml-provider/Okta` },
              { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
              "sts:AssumeRoleWithSAML",
            ),
          ),
        ),
        role(
          "GitHubActions",
          policy(
            allow(
              { Federated: `arn:aws:iam::${prod}:oidc-provider/token.actions.githubusercontent.com` },
              {
                StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
                StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*:ref:refs/heads/main" },
              },
              "sts:AssumeRoleWithWebIdentity",
            ),
          ),
        ),
        role("LambdaExec", policy(allow({ Service: "lambda.amazonaws.com" })), { managedPolicies: ["AWSLambdaBasicExecutionRole"] }),
        role("AWSServiceRoleForElasticLoadBalancing", policy(allow({ Service: "elasticloadbalancing.amazonaws.com" })), {
          path: "/aws-service-role/elasticloadbalancing.amazonaws.com/",
        }),
        role(`Hostile${"x".repeat(50)}`, policy(allow({ Service: "ec2.amazonaws.com" })), {
          description: HOSTILE_TEXT,
          tags: { note: HOSTILE_TEXT },
        }),
        // Not JSON (rawDocument only) and a Statement that is a string: no edge, no finding, no crash.
        { name: "BrokenTrustText", trustPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",' },
        role("StatementIsString", { Version: "2012-10-17", Statement: "Allow everyone" }),
      ],
    },
    {
      account: "dev",
      users: [
        { name: "console-mfa", console: { passwordLastUsedDaysAgo: 2 }, mfa: true, tags: { owner: "ana" } },
        { name: "console-nomfa", console: { passwordLastUsedDaysAgo: 3 }, tags: { Owner: "ANA@example.com" } },
        {
          name: "fresh-key",
          console: { passwordLastUsedDaysAgo: 5 },
          mfa: true,
          accessKeys: [{ createdDaysAgo: 7 }],
          tags: { owner: "ana" },
        },
        { name: "almost-stale", accessKeys: [{ createdDaysAgo: 89, lastUsedDaysAgo: 1 }], tags: { owner: "ben" } },
        {
          name: "old-key",
          accessKeys: [
            { createdDaysAgo: 120, lastUsedDaysAgo: 1 },
            { createdDaysAgo: 200, status: "Inactive" },
          ],
          tags: { owner: "ben" },
        },
      ],
      roles: [
        auditRole,
        role("Deployer", policy(allow({ Service: "codebuild.amazonaws.com" })), {
          inlinePolicies: [{ name: "assume", document: policy({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }],
        }),
        role("TeamRole", policy(allow({ AWS: "{{ssoRole:dev:Team-Proxy}}" })), { managedPolicies: ["PowerUserAccess"] }),
      ],
    },
  ],
};

/** rule + resource ARN (or key) of every finding the scenario must raise, and nothing else. */
export function acceptanceExpectedFindings(ids: { permissionSetArn: (name: string) => string }): string[] {
  const prodRole = (name: string) => `arn:aws:iam::${prod}:role/${name}`;
  return [
    `TRUST_WHOLE_ACCOUNT ${prodRole("MixedPrincipals")} ${dev}`,
    `TRUST_WHOLE_ACCOUNT ${prodRole("MixedPrincipals")} ${management}`,
    `TRUST_WHOLE_ACCOUNT ${prodRole("AccountConditionOnly")} ${dev}`,
    `TRUST_WHOLE_ACCOUNT ${prodRole("AllowAllButOne")} ${dev}`,
    `TRUST_WHOLE_ACCOUNT ${prodRole("PatternMatchesAll")} ${dev}`,
    `TRUST_WILDCARD ${prodRole("WildcardSourceIp")}`,
    `TRUST_EXTERNAL_ACCOUNT ${prodRole("VendorPinned")} info`,
    `TRUST_EXTERNAL_ACCOUNT ${prodRole("VendorOpen")} high`,
    `TRUST_EXTERNAL_ACCOUNT ${prodRole("VendorNullPinned")} high`,
    `CONSOLE_WITHOUT_MFA arn:aws:iam::${dev}:user/console-nomfa`,
    `STALE_ACCESS_KEY arn:aws:iam::${dev}:user/old-key`,
    `LONG_SESSION_SENSITIVE_ACCOUNT ${ids.permissionSetArn("ProdLong")}`,
    `INLINE_POLICY_NEAR_LIMIT ${ids.permissionSetArn("Inline91")}`,
    `PROXY_PERMISSION_SET_NOT_EMPTY ${ids.permissionSetArn("Team-Proxy")}`,
    `DIRECT_USER_ASSIGNMENT carla DevAdmin ${dev}`,
  ].sort();
}
