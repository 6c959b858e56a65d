import type { DeliveredEvent } from "../../cloudtrail/build-events";
import type { EventActor } from "../../cloudtrail/event-actor";
import { seededEventIds } from "../../cloudtrail/event-ids";
import { writeEvent } from "../../cloudtrail/write-event";
import { updateAssumeRolePolicyShape } from "../../cloudtrail/write-event-shapes";
import type { ParsedScenarioSpec } from "../scenario-spec";
import { touchRole, type ActivityWorld } from "./activity-world";
import { personClients } from "./clients";
import { addSeconds, workTime } from "./time-slots";

type ChangeSpec = NonNullable<ParsedScenarioSpec["changes"]>[number];

/** The write events of a scenario's past changes (see CHANGE_SPEC), recorded in us-east-1 like every IAM change. */
export function changeHistory(world: ActivityWorld, changes: readonly ChangeSpec[] | undefined): DeliveredEvent[] {
  const rng = world.rng.fork("changes");
  const ids = seededEventIds(rng.fork("event-ids"));
  return (changes ?? []).map((change) => {
    const accountId = world.accountIdByKey.get(change.account);
    const iam = accountId === undefined ? undefined : world.iamByAccount.get(accountId);
    if (accountId === undefined || iam === undefined) throw new Error(`change names unknown account ${change.account}`);
    const role = iam.roles.find((r) => r.roleName === change.roleName);
    if (role === undefined) throw new Error(`change names unknown role ${change.roleName} in ${change.account}`);
    const changeRng = rng.fork(`${change.account}:${change.roleName}:${change.daysAgo}`);
    const at = workTime(changeRng, world.now, change.daysAgo, change.hour);
    const client = personClients(changeRng).cli;
    let actor: EventActor;
    if ("userName" in change.by) {
      const user = iam.users.find((u) => "userName" in change.by && u.userName === change.by.userName);
      if (user === undefined) throw new Error(`change names unknown user ${change.by.userName} in ${change.account}`);
      actor = {
        type: "IAMUser",
        accountId,
        userName: user.userName,
        userId: user.userId,
        arn: user.arn,
        accessKeyId: user.accessKeys[0]?.accessKeyId,
      };
    } else {
      const { roleName, sessionName } = change.by;
      const session = iam.roles.find((r) => r.roleName === roleName);
      if (session === undefined) throw new Error(`change names unknown role ${roleName} in ${change.account}`);
      actor = {
        type: "AssumedRole",
        accountId,
        roleName: session.roleName,
        roleId: session.roleId,
        roleArn: session.arn,
        sessionName,
        accessKeyId: ids.temporaryKeyId(),
        sessionCreated: addSeconds(at, -changeRng.int(120, 1800)),
        isMfaAuthenticated: false,
      };
      touchRole(session, at, "us-east-1");
    }
    return writeEvent({
      ids,
      actor,
      shape: updateAssumeRolePolicyShape(role.roleName, role.trustPolicy),
      at,
      region: "us-east-1",
      client: { sourceIp: change.sourceIp ?? client.sourceIp, userAgent: client.userAgent },
    });
  });
}
