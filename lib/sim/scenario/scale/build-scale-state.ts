import { AccountStore } from "../../model/account-store";
import type { AccountIam } from "../../model/iam";
import type { IdcPermissionSet } from "../../model/identity-center";
import type { SimAccount, SimOrganizationalUnit } from "../../model/organization";
import type { SimState } from "../../model/state";
import { createCloudTrailStore } from "../../cloudtrail/cloudtrail-store";
import { createRng } from "../../random/prng";
import { lowerAlnum } from "../../random/ids";
import { identityCenterIndex } from "../../lookup/identity-center-lookup";
import type { BuildOptions } from "../build-state";
import { buildScaleAccountIam } from "./scale-account-iam";
import { generateScaleTrail } from "./scale-cloudtrail";
import { buildScaleIdentityCenter } from "./scale-identity-center";
import { buildServiceControlPolicies } from "../build-service-control-policies";
import { scaleServiceControlPolicies } from "./scale-service-control-policies";
import { BUSINESS_UNITS, ENVIRONMENTS } from "./scale-names";

const DAY = 86_400_000;
const wholeSeconds = (d: Date): Date => new Date(Math.floor(d.getTime() / 1000) * 1000);
const SCALE_SEED = 424242;
export const MAX_SCALE_ACCOUNTS = 10_000;

/**
 * A generated organization for benchmarks. Organizations and Identity Center are built up front
 * (cheap); each account's IAM and CloudTrail are built the first time they are read.
 */
export function buildScaleState(accountCount: number, options: BuildOptions = {}): SimState {
  if (!Number.isInteger(accountCount) || accountCount < 3 || accountCount > MAX_SCALE_ACCOUNTS) {
    throw new Error(`scale:<N> needs 3 ≤ N ≤ ${MAX_SCALE_ACCOUNTS}`);
  }
  const now = wholeSeconds(options.now ?? new Date());
  const rng = createRng(SCALE_SEED + accountCount);
  const orgId = `o-${lowerAlnum(rng, 10)}`;
  const rootId = `r-${lowerAlnum(rng, 4)}`;
  const mgmtId = "100000000001";
  const arnBase = `arn:aws:organizations::${mgmtId}`;
  const ous: SimOrganizationalUnit[] = [];
  const ou = (name: string, parentId: string, parentPath: string): SimOrganizationalUnit => {
    const id = `ou-${rootId.slice(2)}-${lowerAlnum(rng, 8)}`;
    const made = { id, arn: `${arnBase}:ou/${orgId}/${id}`, name, parentId, path: `${parentPath}${id}/`, tags: [] };
    ous.push(made);
    return made;
  };
  const rootPath = `${orgId}/${rootId}/`;
  const platformOu = ou("Platform", rootId, rootPath);
  const workloads = ou("Workloads", rootId, rootPath);
  const leafOus = BUSINESS_UNITS.flatMap((unit) => {
    const unitOu = ou(unit, workloads.id, workloads.path);
    return ENVIRONMENTS.map((env) => ({ unit, env, ou: ou(`${unit}-${env}`, unitOu.id, unitOu.path) }));
  });
  const unitById = new Map<string, string>();
  const accounts: SimAccount[] = [];
  const addAccount = (id: string, name: string, parentId: string, unit: string, tags: Array<{ key: string; value: string }>) => {
    unitById.set(id, unit);
    accounts.push({
      id,
      arn: `${arnBase}:account/${orgId}/${id}`,
      name,
      email: `aws+${name}@scale.example`,
      state: "ACTIVE",
      joinedMethod: id === mgmtId ? "INVITED" : "CREATED",
      joinedTimestamp: new Date(now.getTime() - (100 + (accounts.length % 1500)) * DAY),
      parentId,
      tags,
    });
  };
  addAccount(mgmtId, "management", rootId, "platform", []);
  addAccount("100000000002", "bastion", platformOu.id, "platform", [{ key: "environment", value: "infrastructure" }]);
  addAccount("100000000003", "tooling", platformOu.id, "platform", [{ key: "environment", value: "infrastructure" }]);
  for (let i = accounts.length; i < accountCount; i++) {
    const leaf = leafOus[i % leafOus.length] as (typeof leafOus)[number];
    const id = String(200000000000 + i * 104729);
    addAccount(id, `${leaf.unit}-${leaf.env}-${String(i).padStart(4, "0")}`, leaf.ou.id, leaf.unit, [
      { key: "environment", value: leaf.env },
      { key: "unit", value: leaf.unit },
    ]);
  }
  const accountIds = new Set(accounts.map((a) => a.id));
  const identityCenter = buildScaleIdentityCenter(
    rng.fork("identity-center"),
    now,
    mgmtId,
    accounts,
    (a) => unitById.get(a.id) ?? "platform",
  );

  const state: SimState = {
    scenarioName: `scale:${accountCount}`,
    seed: SCALE_SEED + accountCount,
    now,
    regions: ["us-east-1", "us-west-2", "eu-west-1"],
    organization: {
      id: orgId,
      arn: `${arnBase}:organization/${orgId}`,
      featureSet: "ALL",
      managementAccountId: mgmtId,
      managementAccountEmail: "aws+management@scale.example",
    },
    roots: [
      {
        id: rootId,
        arn: `${arnBase}:root/${orgId}/${rootId}`,
        name: "Root",
        policyTypes: [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" }],
        tags: [],
      },
    ],
    organizationalUnits: ous,
    accounts,
    serviceControlPolicies: [],
    identityCenter,
    iam: new AccountStore<AccountIam>(
      (id) => accountIds.has(id),
      (id) =>
        buildScaleAccountIam(
          {
            seed: SCALE_SEED + accountCount,
            now,
            managementAccountId: mgmtId,
            bastionAccountId: "100000000002",
            toolingAccountId: "100000000003",
            unitOf: (acct) => unitById.get(acct) ?? "platform",
            permissionSetsFor: (acct) => {
              const index = identityCenterIndex(state);
              return (index.setsByAccount.get(acct) ?? [])
                .map((arn) => index.permissionSetsByArn.get(arn))
                .filter((p): p is IdcPermissionSet => p !== undefined);
            },
          },
          id,
        ),
    ),
    cloudTrail: createCloudTrailStore({
      generate: (acct, region) => (accountIds.has(acct) ? generateScaleTrail(state, acct, region) : []),
    }),
    credentials: new Map(),
    sessions: new Map(),
    deletedPrincipals: new Map(),
    plantedProblems: [],
    faults: {},
    revision: 1,
  };
  state.serviceControlPolicies = buildServiceControlPolicies(
    state,
    scaleServiceControlPolicies(rootId),
    rng.fork("service-control-policies"),
  );
  return state;
}
