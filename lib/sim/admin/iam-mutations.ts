import type { IamAccessKey, IamUser } from "../model/iam";
import type { SimState } from "../model/state";
import { createRng, hashString } from "../random/prng";
import { iamUniqueId } from "../random/ids";
import { newAccessKey } from "../services/iam";
import { parsePolicyDocument } from "../policy/policy-document";
import { recordWriteEvent } from "../cloudtrail/record-write-event";
import { createAccessKeyShape, deleteAccessKeyShape, updateAssumeRolePolicyShape } from "../cloudtrail/write-event-shapes";
import { NEW_IAM_USER_INPUT, TRUST_POLICY_INPUT, type AdminCallerInput, type NewIamUserInput } from "./admin-inputs";
import { changeOriginFor } from "./change-origin";

export function setTrustPolicy(
  state: SimState,
  accountId: string,
  roleName: string,
  document: string | Record<string, unknown>,
  now: Date,
  caller?: AdminCallerInput,
): void {
  const { document: doc } = TRUST_POLICY_INPUT.parse({ document });
  const text = typeof doc === "string" ? doc : JSON.stringify(doc);
  if (parsePolicyDocument(text) === undefined) throw new Error("not a policy document");
  const role = state.iam.getOrThrow(accountId).roles.find((r) => r.roleName === roleName);
  if (role === undefined) throw new Error(`unknown role ${roleName} in ${accountId}`);
  const origin = changeOriginFor(state, accountId, caller, now);
  state.revision++;
  role.trustPolicy = text;
  role.trustPolicyRevision = state.revision;
  recordWriteEvent(state, origin, updateAssumeRolePolicyShape(role.roleName, text));
}

/** Deleting a role leaves its unique id behind in every policy that trusted it. */
export function deleteRole(state: SimState, accountId: string, roleName: string): void {
  const iam = state.iam.getOrThrow(accountId);
  const role = iam.roles.find((r) => r.roleName === roleName);
  if (role === undefined) throw new Error(`unknown role ${roleName} in ${accountId}`);
  iam.roles = iam.roles.filter((r) => r !== role);
  state.revision++;
  state.deletedPrincipals.set(role.arn, { uniqueId: role.roleId, revision: state.revision });
  for (const [key, session] of state.sessions) if (session.roleArn === role.arn) state.sessions.delete(key);
}

export function addIamUser(
  state: SimState,
  accountId: string,
  raw: NewIamUserInput,
  now: Date,
): { user: IamUser; accessKey?: IamAccessKey } {
  const input = NEW_IAM_USER_INPUT.parse(raw);
  const iam = state.iam.getOrThrow(accountId);
  if (iam.users.some((u) => u.userName === input.userName)) throw new Error(`user ${input.userName} already exists`);
  const path = input.path ?? "/";
  const rng = createRng(hashString(`${accountId}:${input.userName}:${state.revision}`, state.seed));
  const user: IamUser = {
    userName: input.userName,
    userId: iamUniqueId(rng, "AIDA"),
    path,
    arn: `arn:aws:iam::${accountId}:user${path}${input.userName}`,
    createDate: now,
    tags: Object.entries(input.tags ?? {}).map(([key, value]) => ({ key, value })),
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
    loginProfile: input.consolePassword ? { createDate: now, passwordResetRequired: false, passwordLastChanged: now } : undefined,
    accessKeys: [],
    mfaDevices: input.mfa ? [{ serialNumber: `arn:aws:iam::${accountId}:mfa/${input.userName}`, enableDate: now }] : [],
  };
  const accessKey = input.withAccessKey ? newAccessKey("AKIA", now) : undefined;
  if (accessKey) user.accessKeys.push(accessKey);
  iam.users.push(user);
  state.revision++;
  return { user, accessKey };
}

/** Rotation as people do it: a new key, the previous ones gone. */
export function rotateAccessKeys(state: SimState, accountId: string, userName: string, now: Date, caller?: AdminCallerInput): IamAccessKey {
  const user = state.iam.getOrThrow(accountId).users.find((u) => u.userName === userName);
  if (user === undefined) throw new Error(`unknown user ${userName} in ${accountId}`);
  const origin = changeOriginFor(state, accountId, caller, now);
  const previous = user.accessKeys;
  const key = newAccessKey("AKIA", now);
  user.accessKeys = [key];
  for (const old of previous) (state.deletedAccessKeys ??= new Set()).add(old.accessKeyId);
  state.revision++;
  const target = { userName, isUserNameSent: true };
  recordWriteEvent(state, origin, createAccessKeyShape(target, key));
  for (const old of previous) recordWriteEvent(state, origin, deleteAccessKeyShape(target, old.accessKeyId));
  return key;
}
