import { randomBytes } from "node:crypto";
import type { Caller } from "../model/caller";
import type { IamRole } from "../model/iam";
import { AwsError, queryValidationError } from "../protocol/aws-error";
import type { QueryHandler, RequestContext } from "../protocol/request-context";
import { parsePolicyDocument } from "../policy/policy-document";
import { renderTrustPolicy } from "../policy/render-trust-policy";
import { evaluateTrustPolicy, type TrustCaller } from "../policy/trust-evaluation";
import { scpDecisionFor } from "../policy/scp-for-caller";
import { scpContextOf } from "./scp-request-context";
import { assumeRoleEvents } from "../cloudtrail/build-events";
import { liveEventIds } from "../cloudtrail/event-ids";
import { newAccessKey } from "./iam";
import { actorOf } from "./caller-actor";

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/.*)?\/([\w+=,.@-]+)$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const CHAINED_LIMIT_SECONDS = 3600;

function trustCallerOf(
  ctx: RequestContext,
  caller: Caller,
  externalId: string | undefined,
  sessionName: string,
  sourceIdentity: string | undefined,
): TrustCaller {
  const principalArn = caller.kind === "assumed-role" ? caller.roleArn : caller.arn;
  const context = new Map<string, string>([
    ["aws:principalarn", principalArn],
    ["aws:principalaccount", caller.accountId],
    ["aws:principaltype", caller.kind === "assumed-role" ? "AssumedRole" : "User"],
    ["aws:userid", caller.userId],
    ["sts:rolesessionname", sessionName],
  ]);
  if (caller.kind === "iam-user") context.set("aws:username", caller.userName);
  if (ctx.state.accounts.some((a) => a.id === caller.accountId)) context.set("aws:principalorgid", ctx.state.organization.id);
  if (externalId !== undefined) context.set("sts:externalid", externalId);
  if (sourceIdentity !== undefined) {
    context.set("sts:sourceidentity", sourceIdentity);
    context.set("aws:sourceidentity", sourceIdentity);
  }
  return {
    accountId: caller.accountId,
    principalArns: caller.kind === "assumed-role" ? [caller.roleArn, caller.arn] : [caller.arn],
    context,
  };
}

function denied(caller: Caller, roleArn: string): AwsError {
  return new AwsError("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
}

function deniedByScp(caller: Caller, roleArn: string, reason: "explicit-deny" | "no-allow"): AwsError {
  const base = `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;
  return new AwsError(
    "AccessDenied",
    reason === "explicit-deny"
      ? `${base} with an explicit deny in a service control policy`
      : `${base} because no service control policy allows the sts:AssumeRole action`,
    403,
  );
}

function findRole(ctx: RequestContext, roleArn: string): IamRole | undefined {
  const match = ROLE_ARN.exec(roleArn);
  if (!match) return undefined;
  return ctx.state.iam.get(match[1] as string)?.roles.find((r) => r.arn === roleArn);
}

const assumeRole: QueryHandler = (ctx, params) => {
  const roleArn = params.get("RoleArn");
  const sessionName = params.get("RoleSessionName");
  if (roleArn === undefined || roleArn.length < 20)
    throw queryValidationError(
      "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  if (sessionName === undefined || !SESSION_NAME.test(sessionName)) {
    throw queryValidationError(
      `1 validation error detected: Value '${sessionName ?? "null"}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const requested = params.int("DurationSeconds");
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 900 || requested > 43200)) {
    throw queryValidationError(
      `1 validation error detected: Value '${params.get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${requested < 900 ? "greater than or equal to 900" : "less than or equal to 43200"}`,
    );
  }
  const externalId = params.get("ExternalId");
  const sourceIdentity = params.get("SourceIdentity");
  const caller = ctx.caller;
  const targetAccount = ROLE_ARN.exec(roleArn)?.[1];
  const role = findRole(ctx, roleArn);
  const trust = role ? parsePolicyDocument(renderTrustPolicy(ctx.state, role)) : undefined;
  const isDeniedByFault = targetAccount !== undefined && ctx.isAccountDenied(targetAccount);
  const trustCaller = trustCallerOf(ctx, caller, externalId, sessionName, sourceIdentity);
  // SCPs on the caller's account are judged before the trust policy: their deny is what AWS reports.
  const scp = scpDecisionFor(ctx.state, caller, {
    action: "sts:AssumeRole",
    resource: roleArn,
    context: scpContextOf(ctx, trustCaller, targetAccount),
  });
  const isTrusted = trust !== undefined && evaluateTrustPolicy(trust, trustCaller).isAllowed;
  const now = ctx.clock();
  const actor = actorOf(caller, now);
  if (role === undefined || isDeniedByFault || scp?.isAllowed === false || !isTrusted) {
    if (role !== undefined && targetAccount !== undefined) {
      const ref = { accountId: targetAccount, roleName: role.roleName, roleId: role.roleId, roleArn: role.arn };
      for (const e of assumeRoleEvents({
        ids: liveEventIds,
        actor,
        role: ref,
        sessionName,
        durationSeconds: requested ?? 3600,
        externalId,
        at: now,
        region: "us-east-1",
        client: { sourceIp: ctx.sourceIp, userAgent: ctx.userAgent },
        errorCode: "AccessDenied",
      })) {
        ctx.state.cloudTrail.add(e.accountId, e.region, e.record);
      }
    }
    throw scp?.isAllowed === false ? deniedByScp(caller, roleArn, scp.reason) : denied(caller, roleArn);
  }
  // Any caller that is itself a role session is role chaining, which AWS caps at one hour.
  if (caller.kind === "assumed-role" && requested !== undefined && requested > CHAINED_LIMIT_SECONDS) {
    throw queryValidationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  if (requested !== undefined && requested > role.maxSessionDuration) {
    throw queryValidationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  const duration = requested ?? 3600;
  const key = newAccessKey("ASIA", now);
  const expiresAt = new Date(now.getTime() + duration * 1000);
  const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(48).toString("base64")}`;
  ctx.state.sessions.set(key.accessKeyId, {
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    sessionToken,
    accountId: role.arn.split(":")[4] as string,
    roleArn: role.arn,
    roleId: role.roleId,
    roleName: role.roleName,
    sessionName,
    expiresAt,
    sourceIdentity,
  });
  role.lastUsed = { date: now, region: ctx.region };
  const target = { accountId: role.arn.split(":")[4] as string, roleName: role.roleName, roleId: role.roleId, roleArn: role.arn };
  for (const e of assumeRoleEvents({
    ids: liveEventIds,
    actor,
    role: target,
    sessionName,
    durationSeconds: duration,
    externalId,
    at: now,
    region: "us-east-1",
    client: { sourceIp: ctx.sourceIp, userAgent: ctx.userAgent },
    issuedKeyId: key.accessKeyId,
  })) {
    ctx.state.cloudTrail.add(e.accountId, e.region, e.record);
  }
  return {
    Credentials: { AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey, SessionToken: sessionToken, Expiration: expiresAt },
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${sessionName}`,
      Arn: `arn:aws:sts::${target.accountId}:assumed-role/${role.roleName}/${sessionName}`,
    },
    SourceIdentity: sourceIdentity,
  };
};

const getCallerIdentity: QueryHandler = (ctx) => ({
  UserId: ctx.caller.userId,
  Account: ctx.caller.accountId,
  Arn: ctx.caller.arn,
});

export const STS_OPERATIONS: Record<string, QueryHandler> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
