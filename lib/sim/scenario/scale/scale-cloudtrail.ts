import type { CloudTrailRecord } from "../../model/cloudtrail";
import type { SimState } from "../../model/state";
import { apiCallEvent, assumeRoleWithSamlEvent, consoleLoginEvent } from "../../cloudtrail/build-events";
import { seededEventIds } from "../../cloudtrail/event-ids";
import { createRng, hashString } from "../../random/prng";
import { identityCenterIndex } from "../../lookup/identity-center-lookup";
import { pickEveryday } from "../activity/api-calls";
import { personClients } from "../activity/clients";
import { addSeconds, workTime } from "../activity/time-slots";

const EVENTS_PER_TRAIL = 40;

/** A modest, lazily generated trail per account and region (home region and us-east-1 only). */
export function generateScaleTrail(state: SimState, accountId: string, region: string): CloudTrailRecord[] {
  const home = state.identityCenter.instance.homeRegion;
  if (region !== home && region !== "us-east-1") return [];
  const iam = state.iam.get(accountId);
  if (iam === undefined) return [];
  const rng = createRng(hashString(`trail:${accountId}:${region}`, state.seed));
  const ids = seededEventIds(rng);
  const reserved = iam.roles.filter((r) => r.roleName.startsWith("AWSReservedSSO_"));
  const saml = iam.samlProviders[0];
  const index = identityCenterIndex(state);
  const users = state.identityCenter.users;
  const out: CloudTrailRecord[] = [];
  for (let i = 0; i < EVENTS_PER_TRAIL && reserved.length > 0 && saml !== undefined; i += 3) {
    const role = rng.pick(reserved);
    const user = users[rng.int(0, users.length - 1)];
    if (user === undefined || !index.usersById.has(user.userId)) continue;
    const at = workTime(rng, state.now, rng.int(0, 89));
    const client = personClients(rng);
    const key = ids.temporaryKeyId();
    const ref = { accountId, roleName: role.roleName, roleId: role.roleId, roleArn: role.arn };
    if (region === home) {
      out.push(
        assumeRoleWithSamlEvent({
          ids,
          role: ref,
          samlProviderArn: saml.arn,
          userName: user.userName,
          nameQualifier: Buffer.from(`${accountId}/${saml.name}`).toString("base64").slice(0, 28),
          issuer: `https://portal.sso.${home}.amazonaws.com/saml/assertion/scale`,
          durationSeconds: 3600,
          at,
          region,
          client: client.browser,
          issuedKeyId: key,
        }).record,
      );
    }
    const actor = {
      type: "AssumedRole" as const,
      accountId,
      roleName: role.roleName,
      roleId: role.roleId,
      roleArn: role.arn,
      sessionName: user.userName,
      accessKeyId: key,
      sessionCreated: at,
      isMfaAuthenticated: false,
    };
    if (region === "us-east-1")
      out.push(
        consoleLoginEvent({ ids, actor, isMfaUsed: false, isSuccess: true, at: addSeconds(at, 3), region, client: client.browser }).record,
      );
    out.push(
      apiCallEvent({ ids, actor, ...shape(pickEveryday(rng)), at: addSeconds(at, rng.int(30, 900)), region, client: client.cli }).record,
    );
  }
  return out;
}

function shape(call: ReturnType<typeof pickEveryday>) {
  return {
    eventSource: call.eventSource,
    eventName: call.eventName,
    isReadOnly: call.isReadOnly,
    requestParameters: call.requestParameters,
  };
}
