import type { Caller } from "../model/caller";
import type { EventActor } from "../cloudtrail/event-actor";

/** The CloudTrail view of a request's caller. */
export function actorOf(caller: Caller, sessionCreated: Date): EventActor {
  switch (caller.kind) {
    case "sim-admin":
      return {
        type: "IAMUser",
        accountId: caller.accountId,
        userName: caller.arn.split("/").pop() as string,
        userId: caller.userId,
        arn: caller.arn,
        accessKeyId: caller.accessKeyId,
      };
    case "iam-user":
      return {
        type: "IAMUser",
        accountId: caller.accountId,
        userName: caller.userName,
        userId: caller.userId,
        arn: caller.arn,
        accessKeyId: caller.accessKeyId,
      };
    case "assumed-role":
      return {
        type: "AssumedRole",
        accountId: caller.accountId,
        roleName: caller.roleName,
        roleId: caller.roleId,
        roleArn: caller.roleArn,
        sessionName: caller.sessionName,
        accessKeyId: caller.accessKeyId,
        sessionCreated,
        isMfaAuthenticated: false,
      };
  }
}
