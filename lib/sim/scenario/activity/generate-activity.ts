import type { IamRole, IamUser } from "../../model/iam";
import type { DeliveredEvent } from "../../cloudtrail/build-events";
import {
  apiCallEvent,
  assumeRoleEvents,
  assumeRoleWithSamlEvent,
  consoleLoginEvent,
  federateEvent,
  type ClientInfo,
} from "../../cloudtrail/build-events";
import { sessionArn, type EventActor } from "../../cloudtrail/event-actor";
import { seededEventIds, type EventIds } from "../../cloudtrail/event-ids";
import { parsePolicyDocument } from "../../policy/policy-document";
import { evaluateTrustPolicy } from "../../policy/trust-evaluation";
import type { ParsedScenarioSpec } from "../scenario-spec";
import { touchRole, type ActivityWorld } from "./activity-world";
import { BREAKGLASS_CALLS, DEPLOY_CALLS, pickEveryday, type ApiCallShape } from "./api-calls";
import { CI_AGENT, personClients } from "./clients";
import { addSeconds, isoDurationSeconds, isWeekend, workTime } from "./time-slots";

type ActivitySpec = NonNullable<ParsedScenarioSpec["activity"]>;
type ExplicitEvents = NonNullable<ParsedScenarioSpec["events"]>;

/** IAM-user console logins go through the global endpoint; with an alias cookie they land elsewhere. */
const SIGNIN_REGIONS = ["us-east-1", "us-east-1", "us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2"];

function canAssume(world: ActivityWorld, caller: { accountId: string; roleArn: string; sessionArn: string }, target: IamRole): boolean {
  const doc = parsePolicyDocument(world.renderTrust(target));
  if (doc === undefined) return false;
  const context = new Map([
    ["aws:principalarn", caller.roleArn],
    ["aws:principalaccount", caller.accountId],
    ["aws:principalorgid", world.organizationId],
    ["aws:principaltype", "AssumedRole"],
  ]);
  return evaluateTrustPolicy(doc, { accountId: caller.accountId, principalArns: [caller.roleArn, caller.sessionArn], context }).isAllowed;
}

const roleRef = (accountId: string, role: IamRole) => ({ accountId, roleName: role.roleName, roleId: role.roleId, roleArn: role.arn });

function apiCall(ids: EventIds, actor: EventActor, call: ApiCallShape, at: Date, region: string, client: ClientInfo): DeliveredEvent {
  return apiCallEvent({
    ids,
    actor,
    eventSource: call.eventSource,
    eventName: call.eventName,
    isReadOnly: call.isReadOnly,
    requestParameters: call.requestParameters,
    at,
    region: call.isGlobal ? "us-east-1" : region,
    client,
  });
}

/** Generates the scenario's CloudTrail history and keeps last-used fields consistent with it. */
export function generateActivity(
  world: ActivityWorld,
  activity: ActivitySpec | undefined,
  explicit: ExplicitEvents | undefined,
): DeliveredEvent[] {
  const out: DeliveredEvent[] = [];
  const rng = world.rng;
  const ids = seededEventIds(rng.fork("event-ids"));
  const days = activity?.days ?? 90;
  const ic = world.identityCenter;
  const psByArn = new Map(ic.permissionSets.map((p) => [p.arn, p]));
  const accountKey = (key: string) => {
    const id = world.accountIdByKey.get(key);
    if (id === undefined) throw new Error(`activity names unknown account ${key}`);
    return id;
  };
  const unused = new Set((activity?.unusedAssignments ?? []).map((u) => `${accountKey(u.account)}|${u.permissionSet}`));
  const dormant = new Set(activity?.dormantUsers ?? []);
  const proxies = new Map((activity?.proxies ?? []).map((p) => [p.permissionSet, p.roleName]));
  const bastion = activity?.bastion;
  const groupsOf = new Map<string, string[]>();
  for (const m of ic.memberships) groupsOf.set(m.userId, [...(groupsOf.get(m.userId) ?? []), m.groupId]);

  const ssoIssuer = `https://portal.sso.${world.homeRegion}.amazonaws.com/saml/assertion/${Buffer.from(ic.instance.identityStoreId).toString("base64")}`;

  for (const user of ic.users) {
    if (user.status !== "ENABLED" || dormant.has(user.userName)) continue;
    const principals = new Set([user.userId, ...(groupsOf.get(user.userId) ?? [])]);
    const entitlements = ic.assignments.filter((a) => {
      const ps = psByArn.get(a.permissionSetArn);
      return principals.has(a.principalId) && ps !== undefined && !unused.has(`${a.accountId}|${ps.name}`);
    });
    if (entitlements.length === 0) continue;
    const personRng = rng.fork(`person:${user.userName}`);
    const clients = personClients(personRng);
    for (let d = days - 1; d >= 0; d--) {
      if (isWeekend(world.now, d) ? !personRng.chance(0.04) : !personRng.chance(activity?.sessionProbability ?? 0.45)) continue;
      const ent = personRng.pick(entitlements);
      const ps = psByArn.get(ent.permissionSetArn);
      const reserved = ps ? world.reservedRole(ent.accountId, ps.name) : undefined;
      const saml = world.samlProvider(ent.accountId);
      if (ps === undefined || reserved === undefined || saml === undefined) continue;
      const t0 = workTime(personRng, world.now, d);
      const duration = isoDurationSeconds(ps.sessionDuration);
      const isConsole = personRng.chance(activity?.consoleShare ?? 0.7);
      const client = isConsole ? clients.browser : clients.cli;
      out.push(
        federateEvent({
          ids,
          managementAccountId: world.managementAccountId,
          identityStoreId: ic.instance.identityStoreId,
          userId: user.userId,
          userName: user.userName,
          targetAccountId: ent.accountId,
          permissionSetName: ps.name,
          at: t0,
          region: world.homeRegion,
          client: clients.browser,
        }),
      );
      const samlKey = ids.temporaryKeyId();
      const t1 = addSeconds(t0, 2);
      out.push(
        assumeRoleWithSamlEvent({
          ids,
          role: roleRef(ent.accountId, reserved),
          samlProviderArn: saml.arn,
          userName: user.userName,
          nameQualifier: Buffer.from(`${ent.accountId}/${saml.name}`).toString("base64").slice(0, 28),
          issuer: ssoIssuer,
          durationSeconds: duration,
          at: t1,
          region: world.homeRegion,
          client,
          issuedKeyId: samlKey,
        }),
      );
      touchRole(reserved, t1, world.homeRegion);
      const actor: EventActor = {
        type: "AssumedRole",
        accountId: ent.accountId,
        roleName: reserved.roleName,
        roleId: reserved.roleId,
        roleArn: reserved.arn,
        sessionName: user.userName,
        accessKeyId: samlKey,
        sessionCreated: t1,
        isMfaAuthenticated: false,
      };
      if (isConsole) {
        out.push(
          consoleLoginEvent({
            ids,
            actor,
            isMfaUsed: false,
            isSuccess: true,
            at: addSeconds(t1, 3),
            region: personRng.chance(0.5) ? "us-east-1" : world.homeRegion,
            client: clients.browser,
          }),
        );
      }
      const caller = {
        accountId: ent.accountId,
        roleArn: reserved.arn,
        sessionArn: sessionArn(ent.accountId, reserved.roleName, user.userName),
      };
      const chainTo = (targetAccountId: string, target: IamRole, at: Date): void => {
        const isAllowed = canAssume(world, caller, target);
        const issued = ids.temporaryKeyId();
        out.push(
          ...assumeRoleEvents({
            ids,
            actor,
            role: roleRef(targetAccountId, target),
            sessionName: user.userName,
            durationSeconds: 3600,
            at,
            region: "us-east-1",
            client,
            issuedKeyId: issued,
            errorCode: isAllowed ? undefined : "AccessDenied",
          }),
        );
        if (!isAllowed) return;
        touchRole(target, at, "us-east-1");
        const chained: EventActor = {
          type: "AssumedRole",
          accountId: targetAccountId,
          roleName: target.roleName,
          roleId: target.roleId,
          roleArn: target.arn,
          sessionName: user.userName,
          accessKeyId: issued,
          sessionCreated: at,
          isMfaAuthenticated: false,
        };
        for (let i = personRng.int(1, 3); i > 0; i--)
          out.push(apiCall(ids, chained, pickEveryday(personRng), addSeconds(at, personRng.int(20, 1800)), world.homeRegion, client));
      };
      const proxyRole = proxies.get(ps.name);
      const t2 = addSeconds(t1, personRng.int(15, 90));
      if (proxyRole !== undefined) {
        const target = world.iamByAccount.get(ent.accountId)?.roles.find((r) => r.roleName === proxyRole);
        if (target !== undefined) chainTo(ent.accountId, target, t2);
      } else if (bastion !== undefined && ent.accountId === accountKey(bastion.account) && ps.name === bastion.permissionSet) {
        const targetAccount = accountKey(personRng.pick(bastion.targets));
        const target = world.iamByAccount.get(targetAccount)?.roles.find((r) => r.roleName === bastion.roleName);
        if (target !== undefined) chainTo(targetAccount, target, t2);
      } else {
        for (let i = personRng.int(1, 3); i > 0; i--)
          out.push(apiCall(ids, actor, pickEveryday(personRng), addSeconds(t1, personRng.int(20, 1800)), world.homeRegion, client));
      }
    }
  }

  const findUser = (accountId: string, userName: string): IamUser => {
    const user = world.iamByAccount.get(accountId)?.users.find((u) => u.userName === userName);
    if (user === undefined) throw new Error(`activity names unknown IAM user ${userName}`);
    return user;
  };

  for (const auto of activity?.automation ?? []) {
    const accountId = accountKey(auto.account);
    const user = findUser(accountId, auto.userName);
    const key = user.accessKeys.find((k) => k.status === "Active");
    if (key === undefined) continue;
    const botRng = rng.fork(`automation:${auto.userName}`);
    const client: ClientInfo = { sourceIp: `52.${botRng.int(0, 95)}.${botRng.int(0, 255)}.${botRng.int(1, 254)}`, userAgent: CI_AGENT };
    const actor: EventActor = {
      type: "IAMUser",
      accountId,
      userName: user.userName,
      userId: user.userId,
      arn: user.arn,
      accessKeyId: key.accessKeyId,
    };
    for (let d = days - 1; d >= 0; d--) {
      for (let run = 0; run < auto.perDay; run++) {
        const target = auto.assumes[run % auto.assumes.length];
        if (target === undefined) continue;
        const targetAccount = accountKey(target.account);
        const role = world.iamByAccount.get(targetAccount)?.roles.find((r) => r.roleName === target.roleName);
        if (role === undefined) continue;
        const at = workTime(botRng, world.now, d, botRng.int(0, 23));
        const doc = parsePolicyDocument(world.renderTrust(role));
        const isAllowed =
          doc !== undefined &&
          evaluateTrustPolicy(doc, {
            accountId,
            principalArns: [user.arn],
            context: new Map([
              ["aws:principalarn", user.arn],
              ["aws:principalaccount", accountId],
            ]),
          }).isAllowed;
        const issued = ids.temporaryKeyId();
        out.push(
          ...assumeRoleEvents({
            ids,
            actor,
            role: roleRef(targetAccount, role),
            sessionName: `deploy-${d}-${run}`,
            durationSeconds: 3600,
            at,
            region: "us-east-1",
            client,
            issuedKeyId: issued,
            errorCode: isAllowed ? undefined : "AccessDenied",
          }),
        );
        if (key.lastUsed === undefined || key.lastUsed.date < at) key.lastUsed = { date: at, region: "us-east-1", serviceName: "sts" };
        if (!isAllowed) continue;
        touchRole(role, at, "us-east-1");
        const session: EventActor = {
          type: "AssumedRole",
          accountId: targetAccount,
          roleName: role.roleName,
          roleId: role.roleId,
          roleArn: role.arn,
          sessionName: `deploy-${d}-${run}`,
          accessKeyId: ids.temporaryKeyId(),
          sessionCreated: at,
          isMfaAuthenticated: false,
        };
        DEPLOY_CALLS.forEach((call, i) => out.push(apiCall(ids, session, call, addSeconds(at, 10 + i * 40), world.homeRegion, client)));
      }
    }
  }

  for (const cu of activity?.consoleUsers ?? []) {
    const accountId = accountKey(cu.account);
    const user = findUser(accountId, cu.userName);
    const personRng = rng.fork(`console:${cu.userName}`);
    const clients = personClients(personRng);
    for (let d = days - 1; d >= 0; d--) {
      if (!personRng.chance(cu.perWeek / 7)) continue;
      const at = workTime(personRng, world.now, d);
      out.push(consoleLogin(ids, world, accountId, user, at, personRng.pick(SIGNIN_REGIONS), user.mfaDevices.length > 0, clients.browser));
      out.push(
        apiCall(
          ids,
          iamUserActor(accountId, user),
          pickEveryday(personRng),
          addSeconds(at, personRng.int(30, 900)),
          world.homeRegion,
          clients.browser,
        ),
      );
    }
  }

  for (const e of explicit ?? []) {
    const accountId = accountKey(e.account);
    const user = findUser(accountId, e.userName);
    const eventRng = rng.fork(`explicit:${e.userName}:${e.daysAgo}`);
    const client: ClientInfo = {
      sourceIp: e.sourceIp ?? `198.51.100.${eventRng.int(10, 250)}`,
      userAgent: personClients(eventRng).browser.userAgent,
    };
    const at = workTime(eventRng, world.now, e.daysAgo, e.hour);
    out.push(consoleLogin(ids, world, accountId, user, at, e.region ?? "us-east-1", e.mfa ?? user.mfaDevices.length > 0, client));
    const actions =
      e.actions ??
      BREAKGLASS_CALLS.map((c) => ({
        eventSource: c.eventSource,
        eventName: c.eventName,
        readOnly: c.isReadOnly,
        region: undefined,
        requestParameters: c.requestParameters,
      }));
    actions.forEach((a, i) => {
      const call: ApiCallShape = {
        eventSource: a.eventSource,
        eventName: a.eventName,
        isReadOnly: a.readOnly ?? false,
        isGlobal: a.eventSource === "iam.amazonaws.com",
        requestParameters: a.requestParameters ?? null,
      };
      out.push(apiCall(ids, iamUserActor(accountId, user), call, addSeconds(at, 60 * (i + 1)), a.region ?? world.homeRegion, client));
    });
  }
  return out;
}

function iamUserActor(accountId: string, user: IamUser): EventActor {
  return {
    type: "IAMUser",
    accountId,
    userName: user.userName,
    userId: user.userId,
    arn: user.arn,
    accessKeyId: `ASIA${user.userId.slice(4, 20)}`,
  };
}

function consoleLogin(
  ids: EventIds,
  world: ActivityWorld,
  accountId: string,
  user: IamUser,
  at: Date,
  region: string,
  isMfaUsed: boolean,
  client: ClientInfo,
): DeliveredEvent {
  if (user.passwordLastUsed === undefined || user.passwordLastUsed < at) user.passwordLastUsed = at;
  const mfaSerial = user.mfaDevices[0]?.serialNumber;
  return consoleLoginEvent({
    ids,
    actor: { type: "IAMUser", accountId, userName: user.userName, userId: user.userId, arn: user.arn },
    isMfaUsed,
    mfaSerial,
    isSuccess: true,
    at,
    region,
    client,
  });
}
