import { z } from "zod";
import { SCP_MAX_CONTENT_CHARS, SCP_MAX_PER_TARGET, type SimServiceControlPolicy } from "../model/service-control-policy";
import type { SimState } from "../model/state";
import { parsePolicyDocument } from "../policy/policy-document";
import { createRng, hashString } from "../random/prng";
import { organizationIndex } from "../lookup/organization-lookup";
import { newScpId, scpArn } from "../scenario/build-service-control-policies";

const DOCUMENT = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const NEW_SCP_INPUT = z.object({
  name: z.string().min(1).max(128),
  description: z.string().max(512).optional(),
  document: DOCUMENT,
  /** Root, OU or account ids to attach it to. */
  targets: z.array(z.string()).max(1000).optional(),
});

export const SCP_UPDATE_INPUT = z.object({
  name: z.string().min(1).max(128).optional(),
  description: z.string().max(512).optional(),
  document: DOCUMENT.optional(),
});

export type NewScpInput = z.input<typeof NEW_SCP_INPUT>;
export type ScpUpdateInput = z.input<typeof SCP_UPDATE_INPUT>;

function contentOf(document: string | Record<string, unknown>): string {
  const text = typeof document === "string" ? document : JSON.stringify(document);
  if (text.length > SCP_MAX_CONTENT_CHARS)
    throw new Error(`an SCP holds at most ${SCP_MAX_CONTENT_CHARS} characters (this one has ${text.length})`);
  if (parsePolicyDocument(text) === undefined) throw new Error("document is not a policy document");
  return text;
}

function requirePolicy(state: SimState, policyId: string): SimServiceControlPolicy {
  const policy = state.serviceControlPolicies.find((p) => p.id === policyId);
  if (policy === undefined) throw new Error(`unknown SCP ${policyId}`);
  return policy;
}

function requireTarget(state: SimState, targetId: string): void {
  const index = organizationIndex(state);
  const isKnown = state.roots.some((r) => r.id === targetId) || index.ousById.has(targetId) || index.accountsById.has(targetId);
  if (!isKnown) throw new Error(`unknown SCP target ${targetId} (a root, OU or account id)`);
}

const attachedCount = (state: SimState, targetId: string): number =>
  state.serviceControlPolicies.filter((p) => p.targetIds.includes(targetId)).length;

function checkAttachable(state: SimState, policy: SimServiceControlPolicy, targetId: string): void {
  requireTarget(state, targetId);
  if (policy.targetIds.includes(targetId)) throw new Error(`SCP ${policy.id} is already attached to ${targetId}`);
  if (attachedCount(state, targetId) >= SCP_MAX_PER_TARGET) throw new Error(`${targetId} already has ${SCP_MAX_PER_TARGET} SCPs attached`);
}

/** Validates everything before changing anything, so a refused call leaves the organization as it was. */
export function createServiceControlPolicy(state: SimState, raw: NewScpInput): SimServiceControlPolicy {
  const input = NEW_SCP_INPUT.parse(raw);
  if (state.serviceControlPolicies.some((p) => p.name === input.name)) throw new Error(`an SCP named ${input.name} already exists`);
  const content = contentOf(input.document);
  const targets = [...new Set(input.targets ?? [])];
  const rng = createRng(hashString(`scp:${input.name}:${state.revision}`, state.seed));
  let id = newScpId(rng);
  while (state.serviceControlPolicies.some((p) => p.id === id)) id = newScpId(rng);
  const policy: SimServiceControlPolicy = {
    id,
    arn: scpArn(state.organization, id),
    name: input.name,
    description: input.description ?? "",
    content,
    awsManaged: false,
    targetIds: [],
  };
  for (const target of targets) checkAttachable(state, policy, target);
  policy.targetIds.push(...targets);
  state.serviceControlPolicies.push(policy);
  state.revision++;
  return policy;
}

export function updateServiceControlPolicy(state: SimState, policyId: string, raw: ScpUpdateInput): SimServiceControlPolicy {
  const input = SCP_UPDATE_INPUT.parse(raw);
  const policy = requirePolicy(state, policyId);
  if (policy.awsManaged) throw new Error(`${policy.name} is AWS managed and cannot be changed`);
  if (input.name !== undefined && state.serviceControlPolicies.some((p) => p !== policy && p.name === input.name)) {
    throw new Error(`an SCP named ${input.name} already exists`);
  }
  const content = input.document === undefined ? policy.content : contentOf(input.document);
  policy.name = input.name ?? policy.name;
  policy.description = input.description ?? policy.description;
  policy.content = content;
  state.revision++;
  return policy;
}

export function attachServiceControlPolicy(state: SimState, policyId: string, targetId: string): void {
  const policy = requirePolicy(state, policyId);
  checkAttachable(state, policy, targetId);
  policy.targetIds.push(targetId);
  state.revision++;
}

/** As in AWS, a target keeps at least one SCP: detaching its last one is refused. */
export function detachServiceControlPolicy(state: SimState, policyId: string, targetId: string): void {
  const policy = requirePolicy(state, policyId);
  if (!policy.targetIds.includes(targetId)) throw new Error(`SCP ${policyId} is not attached to ${targetId}`);
  if (attachedCount(state, targetId) <= 1) throw new Error(`${targetId} must keep at least one SCP attached`);
  policy.targetIds = policy.targetIds.filter((t) => t !== targetId);
  state.revision++;
}
