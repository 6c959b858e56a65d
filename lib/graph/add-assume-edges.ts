import { classifyAwsPrincipal } from "../policy";
import type { IamRole, PolicyDocument } from "../aws";
import type { AssumeDecisions } from "./assume-decisions";
import type { AssumeDecision, AssumeRequest } from "./assume-evaluator";
import { ASSUME_ROLE, type Caller, type CallerDirectory } from "./caller-directory";
import type { GraphBuilder } from "./graph-builder";
import type { GraphNotes } from "./graph-notes";
import { nodeId } from "./node-ids";
import type { PolicyLibrary } from "./policy-library";
import { dependsOnResource, mentionsCallerIdentity } from "./policy-traits";
import { trustCandidates, type OutsidePrincipal } from "./trust-candidates";

export interface AssumeContext {
  builder: GraphBuilder;
  directory: CallerDirectory;
  decisions: AssumeDecisions;
  library: PolicyLibrary;
  notes: GraphNotes;
  /** accounts of the organization (principals there are evaluated one by one) */
  orgAccounts: ReadonlySet<string>;
}

// Principals outside the organization: their identity policies are unknown, so only the trust decides.
const OUTSIDE_IDENTITY = [
  { name: "outside-principal", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } },
];

/** How a trust reaches a candidate: by its ARN, through `*` / NotPrincipal, through its account. */
interface Candidate {
  named: boolean;
  wildcard: boolean;
  viaAccount: boolean;
}

/** Every can-assume edge into one role, decided by the evaluator for principals of the organization. */
export async function addAssumeEdges(target: IamRole, ctx: AssumeContext): Promise<void> {
  const { builder, notes } = ctx;
  const trust = target.trustPolicy;
  if (!trust) {
    notes.add({
      code: "TRUST_UNREADABLE",
      message: `trust policy of ${target.arn} is not valid JSON; no edge into it`,
      resourceArn: target.arn,
      accountId: target.accountId,
    });
    return;
  }
  const found = trustCandidates(trust);
  for (const problem of found.unusable) notes.add({ ...problem, resourceArn: target.arn, accountId: target.accountId });
  for (const outside of found.outside) addOutsideEdge(target, outside, builder);

  const candidates = new Map<string, Candidate>();
  const external = new Map<string, Set<string>>();
  const addCandidate = (arn: string, how: keyof Candidate) => {
    const current = candidates.get(arn) ?? { named: false, wildcard: false, viaAccount: false };
    current[how] = true;
    candidates.set(arn, current);
  };
  const addExternal = (accountId: string, principalArn: string | null) => {
    const set = external.get(accountId) ?? new Set<string>();
    set.add(principalArn ?? `arn:aws:iam::${accountId}:root`);
    external.set(accountId, set);
  };
  for (const arn of found.namedArns) {
    const principal = classifyAwsPrincipal(arn);
    const accountId = "accountId" in principal ? principal.accountId : "";
    if (!ctx.orgAccounts.has(accountId)) {
      addExternal(accountId, arn);
      continue;
    }
    const resolved = ctx.directory.resolveArn(arn);
    if (resolved) addCandidate(resolved, "named");
    else
      notes.add({
        code: ctx.directory.hasAccountIam(accountId) ? "TRUST_PRINCIPAL_NOT_FOUND" : "TRUST_PRINCIPAL_UNKNOWN",
        message: ctx.directory.hasAccountIam(accountId)
          ? `trust of ${target.arn} names ${arn}, which is not in the snapshot`
          : `trust of ${target.arn} names ${arn}, whose account's IAM is not in the snapshot`,
        resourceArn: target.arn,
        accountId: target.accountId,
      });
  }
  for (const accountId of found.accounts) {
    if (!ctx.orgAccounts.has(accountId)) addExternal(accountId, null);
    else for (const arn of ctx.directory.arnsInAccount(accountId)) addCandidate(arn, "viaAccount");
  }
  if (found.everyone) {
    for (const accountId of ctx.directory.allAccounts())
      for (const arn of ctx.directory.arnsInAccount(accountId)) addCandidate(arn, "wildcard");
  }

  if (candidates.size === 0 && external.size === 0 && !found.everyone) return;
  const trustToken = ctx.library.tokenFor(trust);
  const trustPersonal = found.namesPrincipals || mentionsCallerIdentity([trust]);
  const trustResourceSpecific = dependsOnResource([trust], ASSUME_ROLE);
  for (const [arn, how] of candidates) {
    const caller = ctx.directory.caller(arn);
    if (!caller) continue;
    const sameAccount = caller.accountId === target.accountId;
    // Without an identity allow only a same-account trust naming the caller (or `*`) can let it in;
    // an account named as a whole needs the caller's own allow, as does any cross-account call.
    if (!caller.mayAssume && (!sameAccount || (!how.named && !how.wildcard))) {
      ctx.decisions.stats.prefiltered++;
      continue;
    }
    const callerKey = trustPersonal || caller.personal ? caller.arn : caller.classToken;
    const targetKey = trustResourceSpecific || caller.resourceSpecific ? target.arn : sameAccount ? "same-account" : "cross-account";
    const decision = await ctx.decisions.decide(`${trustToken}\n${callerKey}\n${targetKey}`, () => callerRequest(caller, target, trust));
    addDecidedEdge(caller.arn, target, ASSUME_ROLE, decision, ctx);
  }
  if (found.everyone) {
    const decision = await ctx.decisions.decide(`${trustToken}\nany-principal\n${target.arn}`, () =>
      outsideRequest("arn:aws:iam::000000000000:user/any-principal", {}, target, trust),
    );
    if (decision.allowed) {
      builder.addNode({ id: nodeId.anyPrincipal(), kind: "ANY_PRINCIPAL", label: "Anyone (*)", accountId: null, arn: null });
      addDecidedEdge(nodeId.anyPrincipal(), target, ASSUME_ROLE, decision, ctx);
    }
  }
  for (const [accountId, principalArns] of external) {
    for (const principalArn of principalArns) {
      const named = !principalArn.endsWith(":root");
      const principal = named ? principalArn : `arn:aws:iam::${accountId}:user/outside-principal`;
      const context: Record<string, string> = { "aws:PrincipalAccount": accountId, ...(named ? { "aws:PrincipalArn": principalArn } : {}) };
      const decision = await ctx.decisions.decide(`${trustToken}\n${principal}\n${target.arn}`, () =>
        outsideRequest(principal, context, target, trust),
      );
      if (!decision.allowed) continue;
      builder.addNode({
        id: nodeId.externalAccount(accountId),
        kind: "EXTERNAL_ACCOUNT",
        label: accountId,
        accountId,
        arn: `arn:aws:iam::${accountId}:root`,
      });
      addDecidedEdge(nodeId.externalAccount(accountId), target, ASSUME_ROLE, decision, ctx);
    }
  }
}

function callerRequest(caller: Caller, target: IamRole, trust: PolicyDocument): AssumeRequest {
  return {
    action: ASSUME_ROLE,
    principalArn: caller.arn,
    targetArn: target.arn,
    targetAccountId: target.accountId,
    trustPolicy: trust,
    identityPolicies: caller.policies.identity.map((p) => ({ name: p.name, policy: p.document })),
    boundaryPolicies: caller.policies.boundary?.map((p) => ({ name: p.name, policy: p.document })) ?? null,
    serviceControlPolicies: caller.scps.levels,
    context: caller.context,
  };
}

function outsideRequest(principalArn: string, context: Record<string, string>, target: IamRole, trust: PolicyDocument): AssumeRequest {
  return {
    action: ASSUME_ROLE,
    principalArn,
    targetArn: target.arn,
    targetAccountId: target.accountId,
    trustPolicy: trust,
    identityPolicies: OUTSIDE_IDENTITY,
    boundaryPolicies: null,
    serviceControlPolicies: [],
    context,
  };
}

function addDecidedEdge(from: string, target: IamRole, action: string, decision: AssumeDecision, ctx: AssumeContext): void {
  if ("error" in decision) {
    ctx.notes.add({
      code: "EVALUATION_FAILED",
      message: `the evaluator refused a request into ${target.arn}: ${decision.error}; no edge from ${from}`,
      resourceArn: target.arn,
      accountId: target.accountId,
    });
    return;
  }
  if (!decision.allowed) return;
  ctx.builder.addAssumeEdge({
    from,
    to: target.arn,
    kind: "CAN_ASSUME",
    accountId: target.accountId,
    action,
    conditions: decision.conditions,
    grantedBy: decision.grantedBy,
  });
}

function addOutsideEdge(target: IamRole, outside: OutsidePrincipal, builder: GraphBuilder): void {
  const id = outside.type === "Service" ? nodeId.service(outside.value) : nodeId.federated(outside.value);
  if (outside.type === "Service") builder.addNode({ id, kind: "SERVICE", label: outside.value, accountId: null, arn: null });
  else {
    const account = /^arn:[\w-]+:iam::(\d{12}):/.exec(outside.value)?.[1] ?? null;
    builder.addNode({
      id,
      kind: "FEDERATED_PROVIDER",
      label: outside.value.split("/").pop() ?? outside.value,
      accountId: account,
      arn: account ? outside.value : null,
    });
  }
  builder.addAssumeEdge({
    from: id,
    to: target.arn,
    kind: "CAN_ASSUME",
    accountId: target.accountId,
    action: outside.action,
    conditions: outside.conditions,
    grantedBy: "trust-policy",
  });
}
