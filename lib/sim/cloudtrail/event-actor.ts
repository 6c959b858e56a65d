/** Who did something, as CloudTrail's `userIdentity` describes it. */
export type EventActor =
  | {
      type: "IAMUser";
      accountId: string;
      userName: string;
      userId: string;
      arn: string;
      accessKeyId?: string;
    }
  | {
      type: "AssumedRole";
      accountId: string;
      roleName: string;
      roleId: string;
      /** IAM role ARN, with path. */
      roleArn: string;
      sessionName: string;
      accessKeyId: string;
      sessionCreated: Date;
      isMfaAuthenticated: boolean;
    };

export const sessionArn = (accountId: string, roleName: string, sessionName: string): string =>
  `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;

export function userIdentityOf(actor: EventActor, when: Date): Record<string, unknown> {
  if (actor.type === "IAMUser") {
    return {
      type: "IAMUser",
      principalId: actor.userId,
      arn: actor.arn,
      accountId: actor.accountId,
      ...(actor.accessKeyId !== undefined ? { accessKeyId: actor.accessKeyId } : {}),
      userName: actor.userName,
    };
  }
  return {
    type: "AssumedRole",
    principalId: `${actor.roleId}:${actor.sessionName}`,
    arn: sessionArn(actor.accountId, actor.roleName, actor.sessionName),
    accountId: actor.accountId,
    accessKeyId: actor.accessKeyId,
    sessionContext: {
      sessionIssuer: { type: "Role", principalId: actor.roleId, arn: actor.roleArn, accountId: actor.accountId, userName: actor.roleName },
      attributes: {
        creationDate: isoSecondsZ(actor.sessionCreated < when ? actor.sessionCreated : when),
        mfaAuthenticated: String(actor.isMfaAuthenticated),
      },
    },
  };
}

/** Name LookupEvents reports in `Username`: the IAM user, or the role session name. */
export const lookupUsername = (actor: EventActor): string => (actor.type === "IAMUser" ? actor.userName : actor.sessionName);

export const isoSecondsZ = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** STS events print credential expiry the way the console does: `Aug 7, 2026, 10:15:41 AM`. */
export function humanExpiration(date: Date): string {
  const h = date.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}
