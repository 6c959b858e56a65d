/** Who a request's access key stands for. */
export type Caller =
  | {
      kind: "sim-admin";
      accountId: string;
      arn: string;
      userId: string;
      accessKeyId: string;
    }
  | {
      kind: "iam-user";
      accountId: string;
      arn: string;
      userId: string;
      userName: string;
      accessKeyId: string;
    }
  | {
      kind: "assumed-role";
      accountId: string;
      /** `arn:aws:sts::<acct>:assumed-role/<name>/<session>` */
      arn: string;
      /** `<RoleId>:<session>` */
      userId: string;
      roleArn: string;
      roleId: string;
      roleName: string;
      sessionName: string;
      accessKeyId: string;
      expiresAt: Date;
    };

export interface SimSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleArn: string;
  roleId: string;
  roleName: string;
  sessionName: string;
  expiresAt: Date;
  sourceIdentity?: string;
}

/** A static key a scenario binds to an identity other than the default management admin. */
export interface CredentialBinding {
  accessKeyId: string;
  accountId: string;
  userName?: string;
  roleName?: string;
}
