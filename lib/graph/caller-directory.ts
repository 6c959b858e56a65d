import type { IamRole, IamUser, OrgInventory, PermissionSet } from "../aws";
import { mayAllowAction } from "./action-pattern";
import { reservedRolePolicies, rolePolicies, userPolicies, type CallerPolicies } from "./caller-policies";
import type { OrganizationPaths } from "./organization-paths";
import type { PolicyLibrary } from "./policy-library";
import { dependsOnResource, mentionsCallerIdentity } from "./policy-traits";
import type { ScpChain, ScpChains } from "./scp-chain";

export const ASSUME_ROLE = "sts:AssumeRole";

/** An IAM role or user of an organization account that may call AssumeRole, with what decides it. */
export interface Caller {
  arn: string;
  accountId: string;
  kind: "role" | "user";
  policies: CallerPolicies;
  scps: ScpChain;
  context: Record<string, string | string[]>;
  /** could its identity policies allow sts:AssumeRole at all (needed unless the trust names it) */
  mayAssume: boolean;
  /** identifies everything but its ARN that the decision depends on */
  classToken: string;
  /** its policies or SCPs decide on its exact identity: decisions cannot be shared with its class */
  personal: boolean;
  /** its policies or SCPs depend on the target: decisions cannot be shared between targets */
  resourceSpecific: boolean;
}

type Principal = { kind: "role"; entity: IamRole } | { kind: "user"; entity: IamUser };

/** The IAM principals of the organization's accounts, by ARN and by account; callers built on first use. */
export class CallerDirectory {
  private readonly principals = new Map<string, Principal>();
  private readonly lowerArns = new Map<string, string>();
  private readonly byAccount = new Map<string, string[]>();
  private readonly callers = new Map<string, Caller>();
  private readonly permissionSets: Map<string, PermissionSet>;
  private readonly permissionSetsByName: Map<string, PermissionSet>;

  constructor(
    private readonly state: OrgInventory,
    private readonly library: PolicyLibrary,
    private readonly scps: ScpChains,
    private readonly paths: OrganizationPaths,
  ) {
    const sets = state.identityCenter?.permissionSets ?? [];
    this.permissionSets = new Map(sets.map((set) => [set.arn, set]));
    this.permissionSetsByName = new Map(sets.map((set) => [set.name, set]));
    for (const [accountId, iam] of Object.entries(state.iamByAccount)) {
      const arns: string[] = [];
      for (const role of iam.roles) {
        this.principals.set(role.arn, { kind: "role", entity: role });
        arns.push(role.arn);
      }
      for (const user of iam.users) {
        this.principals.set(user.arn, { kind: "user", entity: user });
        arns.push(user.arn);
      }
      for (const arn of arns) this.lowerArns.set(arn.toLowerCase(), arn);
      this.byAccount.set(accountId, arns);
    }
  }

  /** The principal's ARN as the snapshot spells it (IAM names are case-insensitive), or undefined. */
  resolveArn(arn: string): string | undefined {
    return this.principals.has(arn) ? arn : this.lowerArns.get(arn.toLowerCase());
  }

  arnsInAccount(accountId: string): readonly string[] {
    return this.byAccount.get(accountId) ?? [];
  }

  allAccounts(): IterableIterator<string> {
    return this.byAccount.keys();
  }

  hasAccountIam(accountId: string): boolean {
    return this.byAccount.has(accountId);
  }

  permissionSetOf(role: IamRole): PermissionSet | undefined {
    const link = role.identityCenter;
    if (!link) return undefined;
    return (
      (link.permissionSetArn ? this.permissionSets.get(link.permissionSetArn) : undefined) ??
      this.permissionSetsByName.get(link.permissionSetName)
    );
  }

  caller(arn: string): Caller | undefined {
    const cached = this.callers.get(arn);
    if (cached) return cached;
    const principal = this.principals.get(arn);
    if (!principal) return undefined;
    const caller = this.build(principal);
    this.callers.set(arn, caller);
    return caller;
  }

  private build(principal: Principal): Caller {
    const { entity } = principal;
    const policies =
      principal.kind === "user"
        ? userPolicies(principal.entity, this.state, this.library)
        : principal.entity.identityCenter
          ? reservedRolePolicies(principal.entity, this.permissionSetOf(principal.entity), this.library)
          : rolePolicies(principal.entity, this.library);
    // SCPs do not restrict service-linked roles (AWS Organizations user guide).
    const serviceLinked = principal.kind === "role" && principal.entity.isServiceLinked;
    const scps = serviceLinked ? this.scps.none() : this.scps.forAccount(entity.accountId);
    const context: Record<string, string | string[]> = {
      "aws:PrincipalArn": entity.arn,
      "aws:PrincipalAccount": entity.accountId,
      "aws:PrincipalType": principal.kind === "user" ? "User" : "AssumedRole",
    };
    const orgPath = this.paths.orgPath(entity.accountId);
    if (this.paths.orgId) context["aws:PrincipalOrgID"] = this.paths.orgId;
    if (orgPath) context["aws:PrincipalOrgPaths"] = [orgPath];
    const tags = Object.entries(entity.tags).sort(([a], [b]) => a.localeCompare(b));
    for (const [key, value] of tags) context[`aws:PrincipalTag/${key}`] = value;
    const identityDocs = policies.identity.map((p) => p.document);
    const allDocs = [...identityDocs, ...(policies.boundary ?? []).map((p) => p.document), ...scps.documents];
    const policyToken = [
      policies.identity.map((p) => p.token).join(","),
      policies.boundary ? `b:${policies.boundary.map((p) => p.token).join(",")}` : "",
    ].join("|");
    return {
      arn: entity.arn,
      accountId: entity.accountId,
      kind: principal.kind,
      policies,
      scps,
      context,
      mayAssume: mayAllowAction(identityDocs, ASSUME_ROLE),
      classToken: `${entity.accountId}|${principal.kind}|${policyToken}|${scps.token}|${JSON.stringify(tags)}`,
      personal: mentionsCallerIdentity(allDocs),
      resourceSpecific: dependsOnResource(allDocs, ASSUME_ROLE),
    };
  }
}
