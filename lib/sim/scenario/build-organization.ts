import type { SimAccount, SimOrganization, SimOrganizationalUnit, SimRoot } from "../model/organization";
import type { Rng } from "../random/prng";
import { accountId as randomAccountId, lowerAlnum } from "../random/ids";
import type { OuSpec, ParsedScenarioSpec } from "./scenario-spec";

const DAY = 86_400_000;

export interface BuiltOrganization {
  organization: SimOrganization;
  roots: SimRoot[];
  organizationalUnits: SimOrganizationalUnit[];
  accounts: SimAccount[];
  accountIdByKey: Map<string, string>;
}

const toTags = (tags: Record<string, string> | undefined) => Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));

export function buildOrganization(spec: ParsedScenarioSpec, rng: Rng, now: Date): BuiltOrganization {
  const orgId = spec.organization.id ?? `o-${lowerAlnum(rng, 10)}`;
  const mgmtSpec = spec.organization.managementAccount;
  const mgmtId = mgmtSpec.id ?? randomAccountId(rng);
  const rootId = `r-${lowerAlnum(rng, 4)}`;
  const arnBase = `arn:aws:organizations::${mgmtId}`;
  const organization: SimOrganization = {
    id: orgId,
    arn: `${arnBase}:organization/${orgId}`,
    featureSet: "ALL",
    managementAccountId: mgmtId,
    managementAccountEmail: mgmtSpec.email ?? `aws-${mgmtSpec.key}@example.com`,
  };
  const roots: SimRoot[] = [
    {
      id: rootId,
      arn: `${arnBase}:root/${orgId}/${rootId}`,
      name: "Root",
      policyTypes: [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" }],
      tags: [],
    },
  ];
  const accounts: SimAccount[] = [];
  const organizationalUnits: SimOrganizationalUnit[] = [];
  const accountIdByKey = new Map<string, string>();
  const usedIds = new Set<string>([mgmtId]);

  const addAccount = (a: OuSpec["accounts"] extends (infer T)[] | undefined ? T : never, parentId: string, id?: string) => {
    let accountId = id ?? a.id;
    while (accountId === undefined || (usedIds.has(accountId) && accountId !== id)) accountId = randomAccountId(rng);
    usedIds.add(accountId);
    accountIdByKey.set(a.key, accountId);
    accounts.push({
      id: accountId,
      arn: `${arnBase}:account/${orgId}/${accountId}`,
      name: a.name ?? a.key,
      email: a.email ?? `aws-${a.key}@example.com`,
      state: a.state ?? "ACTIVE",
      joinedMethod: accountId === mgmtId ? "INVITED" : "CREATED",
      joinedTimestamp: new Date(now.getTime() - (a.joinedDaysAgo ?? 900) * DAY),
      parentId,
      tags: toTags(a.tags),
    });
  };

  addAccount(mgmtSpec, rootId, mgmtId);
  for (const a of spec.organization.accounts ?? []) addAccount(a, rootId);

  const addUnit = (unit: OuSpec, parentId: string, parentPath: string) => {
    const ouId = `ou-${rootId.slice(2)}-${lowerAlnum(rng, 8)}`;
    const path = `${parentPath}${ouId}/`;
    organizationalUnits.push({ id: ouId, arn: `${arnBase}:ou/${orgId}/${ouId}`, name: unit.name, parentId, path, tags: toTags(unit.tags) });
    for (const a of unit.accounts ?? []) addAccount(a, ouId);
    for (const child of unit.units ?? []) addUnit(child, ouId, path);
  };
  for (const unit of spec.organization.units ?? []) addUnit(unit, rootId, `${orgId}/${rootId}/`);

  return { organization, roots, organizationalUnits, accounts, accountIdByKey };
}
