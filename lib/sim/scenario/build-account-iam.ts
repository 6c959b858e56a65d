import type { AccountIam, IamRole, IamSamlProvider, IamUser } from "../model/iam";
import type { Rng } from "../random/prng";
import { accessKeyId, iamUniqueId, secretAccessKey } from "../random/ids";
import { managedPolicyRef } from "./reserved-roles";
import { policyText, resolvePlaceholders, type PlaceholderResolver } from "./placeholders";
import type { ACCOUNT_IAM_SPEC } from "./scenario-spec";
import type { z } from "zod";

const DAY = 86_400_000;
type AccountIamSpec = z.infer<typeof ACCOUNT_IAM_SPEC>;

const normalisePath = (path: string | undefined): string => {
  if (path === undefined || path === "" || path === "/") return "/";
  return `/${path.replace(/^\/+|\/+$/g, "")}/`;
};

export function roleArnOf(accountId: string, name: string, path: string | undefined): string {
  return `arn:aws:iam::${accountId}:role${normalisePath(path)}${name}`;
}

export function userArnOf(accountId: string, name: string, path: string | undefined): string {
  return `arn:aws:iam::${accountId}:user${normalisePath(path)}${name}`;
}

function buildUser(
  accountId: string,
  spec: NonNullable<AccountIamSpec["users"]>[number],
  rng: Rng,
  now: Date,
  resolve: PlaceholderResolver,
): IamUser {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const created = ago(spec.createdDaysAgo ?? 500);
  const path = normalisePath(spec.path);
  return {
    userName: spec.name,
    userId: iamUniqueId(rng, "AIDA"),
    path,
    arn: userArnOf(accountId, spec.name, path),
    createDate: created,
    tags: Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value })),
    groups: spec.groups ?? [],
    attachedPolicies: (spec.managedPolicies ?? []).map((m) => managedPolicyRef(m, accountId)),
    inlinePolicies: (spec.inlinePolicies ?? []).map((p) => ({
      name: p.name,
      document: resolvePlaceholders(policyText(p.document), resolve),
    })),
    loginProfile: spec.console
      ? {
          createDate: created,
          passwordResetRequired: false,
          passwordLastChanged: ago(spec.console.passwordChangedDaysAgo ?? spec.createdDaysAgo ?? 500),
        }
      : undefined,
    passwordLastUsed:
      spec.console?.passwordLastUsedDaysAgo === undefined || spec.console.passwordLastUsedDaysAgo === null
        ? undefined
        : ago(spec.console.passwordLastUsedDaysAgo),
    accessKeys: (spec.accessKeys ?? []).map((k) => ({
      accessKeyId: accessKeyId(rng, "AKIA"),
      secretAccessKey: secretAccessKey(rng),
      status: k.status ?? "Active",
      createDate: ago(k.createdDaysAgo),
      lastUsed:
        k.lastUsedDaysAgo === undefined
          ? undefined
          : { date: ago(k.lastUsedDaysAgo), region: k.lastUsedRegion ?? "us-east-1", serviceName: k.lastUsedService ?? "sts" },
    })),
    mfaDevices: spec.mfa ? [{ serialNumber: `arn:aws:iam::${accountId}:mfa/${spec.name}`, enableDate: created }] : [],
  };
}

function buildRole(
  accountId: string,
  spec: NonNullable<AccountIamSpec["roles"]>[number],
  rng: Rng,
  now: Date,
  resolve: PlaceholderResolver,
  homeRegion: string,
): IamRole {
  const path = normalisePath(spec.path);
  return {
    roleName: spec.name,
    roleId: iamUniqueId(rng, "AROA"),
    path,
    arn: roleArnOf(accountId, spec.name, path),
    createDate: new Date(now.getTime() - (spec.createdDaysAgo ?? 600) * DAY),
    trustPolicy: resolvePlaceholders(policyText(spec.trustPolicy), resolve),
    trustPolicyRevision: 0,
    description: spec.description,
    maxSessionDuration: spec.maxSessionDuration ?? 3600,
    inlinePolicies: (spec.inlinePolicies ?? []).map((p) => ({
      name: p.name,
      document: resolvePlaceholders(policyText(p.document), resolve),
    })),
    attachedPolicies: (spec.managedPolicies ?? []).map((m) => managedPolicyRef(m, accountId)),
    permissionsBoundaryArn: spec.permissionsBoundary,
    tags: Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value })),
    lastUsed:
      spec.lastUsedDaysAgo === undefined ? undefined : { date: new Date(now.getTime() - spec.lastUsedDaysAgo * DAY), region: homeRegion },
  };
}

/** One account's IAM from its spec plus the Identity Center artefacts provisioned into it. */
export function buildAccountIam(input: {
  accountId: string;
  spec: AccountIamSpec | undefined;
  samlProvider: IamSamlProvider | undefined;
  reservedRoles: IamRole[];
  rng: Rng;
  now: Date;
  homeRegion: string;
  resolve: PlaceholderResolver;
}): AccountIam {
  const { accountId, spec, rng, now } = input;
  const created = new Date(now.getTime() - 1200 * DAY);
  return {
    accountId,
    root: { createDate: created, mfaActive: spec?.rootMfa ?? true, passwordLastUsed: undefined },
    users: (spec?.users ?? []).map((u) => buildUser(accountId, u, rng, now, input.resolve)),
    groups: (spec?.groups ?? []).map((g) => {
      const path = normalisePath(g.path);
      return {
        groupName: g.name,
        groupId: iamUniqueId(rng, "AGPA"),
        path,
        arn: `arn:aws:iam::${accountId}:group${path}${g.name}`,
        createDate: created,
        attachedPolicies: (g.managedPolicies ?? []).map((m) => managedPolicyRef(m, accountId)),
        inlinePolicies: (g.inlinePolicies ?? []).map((p) => ({
          name: p.name,
          document: resolvePlaceholders(policyText(p.document), input.resolve),
        })),
      };
    }),
    roles: [...input.reservedRoles, ...(spec?.roles ?? []).map((r) => buildRole(accountId, r, rng, now, input.resolve, input.homeRegion))],
    policies: (spec?.policies ?? []).map((p) => {
      const path = normalisePath(p.path);
      return {
        policyName: p.name,
        policyId: iamUniqueId(rng, "ANPA"),
        arn: `arn:aws:iam::${accountId}:policy${path}${p.name}`,
        path,
        description: p.description,
        createDate: created,
        updateDate: created,
        document: resolvePlaceholders(policyText(p.document), input.resolve),
      };
    }),
    samlProviders: input.samlProvider ? [input.samlProvider] : [],
    passwordPolicy: spec?.passwordPolicy && {
      requireSymbols: false,
      requireNumbers: false,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: false,
      allowUsersToChangePassword: false,
      ...spec.passwordPolicy,
    },
  };
}

/** Id of a role that was deleted: what its ARN turns into inside policies that named it. */
export const deletedRoleId = (rng: Rng): string => iamUniqueId(rng, "AROA");
