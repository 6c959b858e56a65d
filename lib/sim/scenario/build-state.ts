import { AccountStore } from "../model/account-store";
import type { AccountIam, IamRole, IamSamlProvider } from "../model/iam";
import type { PlantedProblem } from "../model/problems";
import type { DeletedPrincipal, SimState } from "../model/state";
import type { FaultConfig } from "../model/faults";
import { createCloudTrailStore } from "../cloudtrail/cloudtrail-store";
import { renderTrustPolicy } from "../policy/render-trust-policy";
import { createRng } from "../random/prng";
import { buildAccountIam, deletedRoleId, roleArnOf, userArnOf } from "./build-account-iam";
import { buildIdentityCenter } from "./build-identity-center";
import { buildOrganization } from "./build-organization";
import { buildServiceControlPolicies, resolveScpTarget } from "./build-service-control-policies";
import { resolvePlaceholders, type PlaceholderResolver } from "./placeholders";
import { reservedRoleFor, samlProviderFor } from "./reserved-roles";
import { SCENARIO_SPEC, type ScenarioSpec } from "./scenario-spec";
import type { ActivityWorld } from "./activity/activity-world";
import { changeHistory } from "./activity/change-history";
import { generateActivity } from "./activity/generate-activity";

const DAY = 86_400_000;
const wholeSeconds = (d: Date): Date => new Date(Math.floor(d.getTime() / 1000) * 1000);
const DEFAULT_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-north-1", "ap-southeast-2"];

export interface BuildOptions {
  /** Overrides the spec's reference time (and the real now). */
  now?: Date;
}

/** Builds a complete, eager state from a declarative scenario. */
export function buildState(input: ScenarioSpec, options: BuildOptions = {}): SimState {
  const spec = SCENARIO_SPEC.parse(input);
  // Whole seconds: AWS timestamps carry none, and tests compare them exactly.
  const now = wholeSeconds(options.now ?? (spec.now ? new Date(spec.now) : new Date()));
  const rng = createRng(spec.seed);
  const org = buildOrganization(spec, rng.fork("organization"), now);
  const accountId = (key: string) => {
    const id = org.accountIdByKey.get(key);
    if (id === undefined) throw new Error(`scenario names unknown account ${key}`);
    return id;
  };

  const reservedByAccount = new Map<string, Map<string, IamRole>>();
  const samlByAccount = new Map<string, IamSamlProvider>();
  const iamByAccount = new Map<string, AccountIam>();

  const resolve: PlaceholderResolver = (kind, args) => {
    const [a, b] = args;
    switch (kind) {
      case "account":
        return a === undefined ? undefined : accountId(a);
      case "org":
        return org.organization.id;
      case "ssoRole":
        return a === undefined || b === undefined ? undefined : reservedByAccount.get(accountId(a))?.get(b)?.arn;
      case "role": {
        if (a === undefined || b === undefined) return undefined;
        const acct = accountId(a);
        return iamByAccount.get(acct)?.roles.find((r) => r.roleName === b)?.arn ?? roleArnOf(acct, b, args[2]);
      }
      case "user":
        return a === undefined || b === undefined
          ? undefined
          : (iamByAccount.get(accountId(a))?.users.find((u) => u.userName === b)?.arn ?? userArnOf(accountId(a), b, undefined));
      case "accessKey":
        return a === undefined || b === undefined
          ? undefined
          : iamByAccount.get(accountId(a))?.users.find((u) => u.userName === b)?.accessKeys[Number(args[2] ?? 0)]?.accessKeyId;
      case "permissionSet":
        return ic.permissionSetByName.get(a ?? "")?.arn;
      case "idcUser":
        return ic.userIdByName.get(a ?? "");
      case "idcGroup":
        return ic.groupIdByName.get(a ?? "");
      default:
        return undefined;
    }
  };

  const ic = buildIdentityCenter({
    spec,
    rng: rng.fork("identity-center"),
    now,
    managementAccountId: org.organization.managementAccountId,
    accountIdByKey: org.accountIdByKey,
    resolve,
  });

  const iamRng = rng.fork("iam");
  const provisionedAt = new Date(now.getTime() - 650 * DAY);
  for (const account of org.accounts) {
    const setArns = new Set(ic.identityCenter.assignments.filter((a) => a.accountId === account.id).map((a) => a.permissionSetArn));
    if (setArns.size === 0) continue;
    const saml = samlProviderFor(account.id, iamRng, provisionedAt);
    samlByAccount.set(account.id, saml);
    const roles = new Map<string, IamRole>();
    for (const ps of ic.identityCenter.permissionSets) {
      if (!setArns.has(ps.arn)) continue;
      roles.set(
        ps.name,
        reservedRoleFor({
          accountId: account.id,
          permissionSet: ps,
          samlProvider: saml,
          rng: iamRng,
          createDate: provisionedAt,
          pathRegion: spec.ssoRolePathIncludesRegion ? spec.homeRegion : undefined,
        }),
      );
    }
    reservedByAccount.set(account.id, roles);
  }

  const iamSpecs = new Map((spec.iam ?? []).map((s) => [accountId(s.account), s]));
  for (const account of org.accounts) {
    iamByAccount.set(
      account.id,
      buildAccountIam({
        accountId: account.id,
        spec: iamSpecs.get(account.id),
        samlProvider: samlByAccount.get(account.id),
        reservedRoles: [...(reservedByAccount.get(account.id)?.values() ?? [])],
        rng: iamRng.fork(account.id),
        now,
        homeRegion: spec.homeRegion,
        resolve,
      }),
    );
  }

  // Deleted roles are applied after every policy was written, so their ARNs render as ids.
  const deletedPrincipals = new Map<string, DeletedPrincipal>();
  for (const s of spec.iam ?? []) {
    for (const d of s.deletedRoles ?? []) {
      deletedPrincipals.set(roleArnOf(accountId(s.account), d.name, d.path), { uniqueId: deletedRoleId(iamRng), revision: 1 });
    }
  }

  const state: SimState = {
    scenarioName: spec.name,
    seed: spec.seed,
    now,
    regions: spec.regions ?? DEFAULT_REGIONS,
    organization: org.organization,
    roots: org.roots,
    organizationalUnits: org.organizationalUnits,
    accounts: org.accounts,
    serviceControlPolicies: buildServiceControlPolicies(
      org,
      (spec.organization.serviceControlPolicies ?? []).map((p) => ({
        name: p.name,
        description: p.description,
        content: resolvePlaceholders(typeof p.document === "string" ? p.document : JSON.stringify(p.document), resolve),
        targetIds: p.targets.map((t) => resolveScpTarget(org, org.accountIdByKey, t)),
      })),
      rng.fork("service-control-policies"),
    ),
    identityCenter: ic.identityCenter,
    iam: new AccountStore<AccountIam>(
      (id) => iamByAccount.has(id),
      () => {
        throw new Error("eager scenario accounts are pre-built");
      },
    ),
    cloudTrail: createCloudTrailStore({}),
    credentials: new Map(),
    sessions: new Map(),
    deletedPrincipals,
    plantedProblems: [],
    faults: (spec.faults ?? {}) as FaultConfig,
    revision: 1,
  };
  for (const [id, iam] of iamByAccount) state.iam.set(id, iam);

  const world: ActivityWorld = {
    now,
    rng: rng.fork("activity"),
    organizationId: org.organization.id,
    managementAccountId: org.organization.managementAccountId,
    homeRegion: spec.homeRegion,
    identityCenter: ic.identityCenter,
    iamByAccount,
    accountIdByKey: org.accountIdByKey,
    reservedRole: (acct, psName) => reservedByAccount.get(acct)?.get(psName),
    samlProvider: (acct) => samlByAccount.get(acct),
    renderTrust: (role) => renderTrustPolicy(state, role),
  };
  const events = [...generateActivity(world, spec.activity, spec.events), ...changeHistory(world, spec.changes)];
  state.cloudTrail = createCloudTrailStore({ events });

  for (const c of spec.credentials ?? []) {
    state.credentials.set(c.accessKeyId, {
      accessKeyId: c.accessKeyId,
      accountId: accountId(c.account),
      userName: c.userName,
      roleName: c.roleName,
    });
  }
  state.plantedProblems = (spec.plantedProblems ?? []).map((p): PlantedProblem => ({
    kind: p.kind,
    accountId: accountId(p.account),
    resource: resolvePlaceholders(p.resource, resolve),
    description: resolvePlaceholders(p.description, resolve),
  }));
  return state;
}
