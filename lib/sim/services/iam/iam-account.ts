import type { AccountIam } from "../../model/iam";
import { queryValidationError } from "../../protocol/aws-error";
import type { QueryHandler } from "../../protocol/request-context";
import { XmlMap } from "../../protocol/xml";
import { accountIam, iamPage, noSuchEntity } from "./iam-common";

/** IAM's default quotas as GetAccountSummary reports them today. */
const QUOTAS: ReadonlyArray<readonly [string, number]> = [
  ["UsersQuota", 5000],
  ["GroupsQuota", 300],
  ["RolesQuota", 1000],
  ["PoliciesQuota", 1500],
  ["InstanceProfilesQuota", 1000],
  ["ServerCertificatesQuota", 20],
  ["PolicyVersionsInUseQuota", 10000],
  ["VersionsPerPolicyQuota", 5],
  ["PolicySizeQuota", 6144],
  ["UserPolicySizeQuota", 2048],
  ["GroupPolicySizeQuota", 5120],
  ["RolePolicySizeQuota", 10240],
  ["AssumeRolePolicySizeQuota", 2048],
  ["GroupsPerUserQuota", 10],
  ["AccessKeysPerUserQuota", 2],
  ["SigningCertificatesPerUserQuota", 2],
  ["AttachedPoliciesPerUserQuota", 10],
  ["AttachedPoliciesPerGroupQuota", 10],
  ["AttachedPoliciesPerRoleQuota", 10],
];

const ROOT_MFA_SERIAL = (accountId: string) => `arn:aws:iam::${accountId}:mfa/root-account-mfa-device`;

/** Virtual devices have ARN serials; hardware tokens have vendor serials and are not listed here. */
const isVirtual = (serial: string) => serial.startsWith("arn:aws:iam::");

function virtualDevices(iam: AccountIam) {
  const root = iam.root.mfaActive
    ? [
        {
          SerialNumber: ROOT_MFA_SERIAL(iam.accountId),
          // The root user has no path or name: IAM returns its account id and root ARN.
          User: {
            UserId: iam.accountId,
            Arn: `arn:aws:iam::${iam.accountId}:root`,
            CreateDate: iam.root.createDate,
            PasswordLastUsed: iam.root.passwordLastUsed,
          },
          EnableDate: iam.root.createDate,
        },
      ]
    : [];
  const users = iam.users.flatMap((u) =>
    u.mfaDevices
      .filter((d) => isVirtual(d.serialNumber))
      .map((d) => ({
        SerialNumber: d.serialNumber,
        User: {
          Path: u.path,
          UserName: u.userName,
          UserId: u.userId,
          Arn: u.arn,
          CreateDate: u.createDate,
          PasswordLastUsed: u.passwordLastUsed,
        },
        EnableDate: d.enableDate,
      })),
  );
  return [...root, ...users];
}

const listVirtualMfaDevices: QueryHandler = (ctx, params) => {
  const status = params.get("AssignmentStatus") ?? "Any";
  if (status !== "Assigned" && status !== "Unassigned" && status !== "Any") {
    throw queryValidationError(
      `1 validation error detected: Value '${status}' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Unassigned, Any, Assigned]`,
    );
  }
  // Every simulated device is assigned to someone.
  const devices = status === "Unassigned" ? [] : virtualDevices(accountIam(ctx));
  const page = iamPage(params, devices, ["ListVirtualMFADevices", ctx.caller.accountId, status]);
  return { VirtualMFADevices: page.items, IsTruncated: page.isTruncated, Marker: page.nextToken };
};

/** IAM gives SAML metadata without its own validUntil a century of validity. */
const SAML_VALIDITY_YEARS = 100;

const listSamlProviders: QueryHandler = (ctx) => ({
  SAMLProviderList: accountIam(ctx).samlProviders.map((p) => {
    const validUntil = new Date(p.createDate);
    validUntil.setUTCFullYear(validUntil.getUTCFullYear() + SAML_VALIDITY_YEARS);
    return { Arn: p.arn, ValidUntil: validUntil, CreateDate: p.createDate };
  }),
});

// No scenario models OIDC providers (GitHub Actions and the like); the list is always empty.
const listOpenIdConnectProviders: QueryHandler = () => ({ OpenIDConnectProviderList: [] });

const getAccountSummary: QueryHandler = (ctx) => {
  const iam = accountIam(ctx);
  const mfaInUse =
    virtualDevices(iam).length + iam.users.reduce((n, u) => n + u.mfaDevices.filter((d) => !isVirtual(d.serialNumber)).length, 0);
  const usage: Array<readonly [string, number]> = [
    ["Users", iam.users.length],
    ["Groups", iam.groups.length],
    ["Roles", iam.roles.length],
    ["Policies", iam.policies.length],
    ["PolicyVersionsInUse", iam.policies.length],
    ["InstanceProfiles", 0],
    ["ServerCertificates", 0],
    ["Providers", iam.samlProviders.length],
    ["MFADevices", mfaInUse],
    ["MFADevicesInUse", mfaInUse],
    ["AccountMFAEnabled", iam.root.mfaActive ? 1 : 0],
    // The simulated root user never has access keys or signing certificates.
    ["AccountAccessKeysPresent", 0],
    ["AccountSigningCertificatesPresent", 0],
    ["GlobalEndpointTokenVersion", 1],
  ];
  return { SummaryMap: new XmlMap([...usage, ...QUOTAS]) };
};

const getAccountPasswordPolicy: QueryHandler = (ctx) => {
  const iam = accountIam(ctx);
  const policy = iam.passwordPolicy;
  if (policy === undefined) throw noSuchEntity(`The Password Policy with domain name ${iam.accountId} cannot be found.`);
  return {
    PasswordPolicy: {
      MinimumPasswordLength: policy.minimumPasswordLength,
      RequireSymbols: policy.requireSymbols,
      RequireNumbers: policy.requireNumbers,
      RequireUppercaseCharacters: policy.requireUppercaseCharacters,
      RequireLowercaseCharacters: policy.requireLowercaseCharacters,
      AllowUsersToChangePassword: policy.allowUsersToChangePassword,
      ExpirePasswords: policy.maxPasswordAge !== undefined,
      MaxPasswordAge: policy.maxPasswordAge,
      PasswordReusePrevention: policy.passwordReusePrevention,
      HardExpiry: policy.hardExpiry,
    },
  };
};

export const IAM_ACCOUNT_OPERATIONS: Record<string, QueryHandler> = {
  GetAccountSummary: getAccountSummary,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  ListVirtualMFADevices: listVirtualMfaDevices,
  ListSAMLProviders: listSamlProviders,
  ListOpenIDConnectProviders: listOpenIdConnectProviders,
};
