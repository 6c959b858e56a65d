import type { AccountIam, IamRole, IamUser } from "../../model/iam";
import type { IdcPermissionSet } from "../../model/identity-center";
import { createRng, hashString } from "../../random/prng";
import { accessKeyId, iamUniqueId, secretAccessKey } from "../../random/ids";
import { managedPolicyRef, reservedRoleFor, samlProviderFor } from "../reserved-roles";
import { MANAGED_POLICY_POOL, SERVICE_PRINCIPALS } from "./scale-names";

const DAY = 86_400_000;
const ROLES_PER_ACCOUNT = 60;

export interface ScaleIamContext {
  seed: number;
  now: Date;
  managementAccountId: string;
  bastionAccountId: string;
  toolingAccountId: string;
  unitOf: (accountId: string) => string;
  permissionSetsFor: (accountId: string) => IdcPermissionSet[];
}

const trust = (principal: unknown, condition?: unknown) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
  });

/** One scale account's IAM, built on first use from a seed derived from the account id. */
export function buildScaleAccountIam(ctx: ScaleIamContext, accountId: string): AccountIam {
  const rng = createRng(hashString(`iam:${accountId}`, ctx.seed));
  const { now } = ctx;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const unit = ctx.unitOf(accountId);
  const sets = ctx.permissionSetsFor(accountId);
  const saml = sets.length > 0 ? samlProviderFor(accountId, rng, ago(500)) : undefined;
  const roles: IamRole[] = saml
    ? sets.map((ps) => reservedRoleFor({ accountId, permissionSet: ps, samlProvider: saml, rng, createDate: ago(500) }))
    : [];
  const role = (name: string, path: string, trustPolicy: string, policies: string[], extra: Partial<IamRole> = {}): IamRole => ({
    roleName: name,
    roleId: iamUniqueId(rng, "AROA"),
    path,
    arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    createDate: ago(rng.int(10, 900)),
    trustPolicy,
    trustPolicyRevision: 0,
    maxSessionDuration: 3600,
    inlinePolicies: [],
    attachedPolicies: policies.map((p) => managedPolicyRef(p, accountId)),
    tags: [{ key: "unit", value: unit }],
    lastUsed: rng.chance(0.7) ? { date: ago(rng.int(0, 120)), region: "us-east-1" } : undefined,
    ...extra,
  });
  if (accountId !== ctx.managementAccountId) {
    roles.push(
      role("OrganizationAccountAccessRole", "/", trust({ AWS: `arn:aws:iam::${ctx.managementAccountId}:root` }), ["AdministratorAccess"]),
    );
    roles.push(role("AssumableAdmin", "/", trust({ AWS: `arn:aws:iam::${ctx.bastionAccountId}:root` }), ["AdministratorAccess"]));
  }
  roles.push(
    role("VigilAuditRole", "/", trust({ AWS: `arn:aws:iam::${ctx.managementAccountId}:root` }), ["SecurityAudit", "ReadOnlyAccess"]),
  );
  for (const ps of sets.filter((p) => p.name.endsWith("-Proxy"))) {
    const proxyRole = roles.find((r) => r.roleName.startsWith(`AWSReservedSSO_${ps.name}_`));
    const teamName = `${ps.name.replace("-Proxy", "")}Role`;
    roles.push(
      role(teamName, "/team/", trust({ AWS: proxyRole?.arn ?? `arn:aws:iam::${accountId}:root` }), ["PowerUserAccess"], {
        maxSessionDuration: 28800,
      }),
    );
  }
  for (let i = 0; roles.length < ROLES_PER_ACCOUNT; i++) {
    const isCrossAccount = i % 12 === 5;
    roles.push(
      role(
        `${unit}-svc-${String(i).padStart(2, "0")}`,
        i % 3 === 0 ? "/service-role/" : "/",
        isCrossAccount
          ? // the tooling account's CI user (each account has a `ci-<its unit>` user): a principal that exists, as IAM requires
            trust({ AWS: `arn:aws:iam::${ctx.toolingAccountId}:user/automation/ci-${ctx.unitOf(ctx.toolingAccountId)}` })
          : trust({ Service: SERVICE_PRINCIPALS[i % SERVICE_PRINCIPALS.length] }),
        [MANAGED_POLICY_POOL[i % MANAGED_POLICY_POOL.length] as string],
      ),
    );
  }
  const user = (name: string, path: string, options: { keyAgeDays?: number; console?: boolean; mfa?: boolean }): IamUser => {
    const created = ago(rng.int(100, 1000));
    return {
      userName: name,
      userId: iamUniqueId(rng, "AIDA"),
      path,
      arn: `arn:aws:iam::${accountId}:user${path}${name}`,
      createDate: created,
      tags: [{ key: "owner", value: `${unit}@scale.example` }],
      groups: [],
      attachedPolicies: [managedPolicyRef("ReadOnlyAccess", accountId)],
      inlinePolicies: [],
      loginProfile: options.console ? { createDate: created, passwordResetRequired: false, passwordLastChanged: created } : undefined,
      passwordLastUsed: options.console && rng.chance(0.5) ? ago(rng.int(0, 200)) : undefined,
      accessKeys:
        options.keyAgeDays === undefined
          ? []
          : [
              {
                accessKeyId: accessKeyId(rng, "AKIA"),
                secretAccessKey: secretAccessKey(rng),
                status: "Active",
                createDate: ago(options.keyAgeDays),
                lastUsed: rng.chance(0.8) ? { date: ago(rng.int(0, 150)), region: "us-east-1", serviceName: "sts" } : undefined,
              },
            ],
      mfaDevices: options.mfa ? [{ serialNumber: `arn:aws:iam::${accountId}:mfa/${name}`, enableDate: created }] : [],
    };
  };
  const users = [
    user(`ci-${unit}`, "/automation/", { keyAgeDays: rng.int(5, 400) }),
    user(`app-${unit}`, "/", { keyAgeDays: rng.int(5, 400) }),
  ];
  if (rng.chance(0.2)) users.push(user("ops-console", "/", { console: true, mfa: rng.chance(0.5) }));
  return {
    accountId,
    root: { createDate: ago(1000), mfaActive: rng.chance(0.95) },
    users,
    groups: [],
    roles,
    policies: [],
    samlProviders: saml ? [saml] : [],
  };
}
