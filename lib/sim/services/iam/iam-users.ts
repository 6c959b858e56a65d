import { randomBytes } from "node:crypto";
import type { IamAccessKey, IamUser } from "../../model/iam";
import { AwsError, queryValidationError } from "../../protocol/aws-error";
import type { FormParams } from "../../protocol/form-params";
import type { QueryHandler, RequestContext } from "../../protocol/request-context";
import {
  createAccessKeyShape,
  deleteAccessKeyShape,
  updateAccessKeyShape,
  updateLoginProfileShape,
} from "../../cloudtrail/write-event-shapes";
import { recordApiWrite } from "../record-api-write";
import { accountIam, iamPage, noSuchEntity, requireUser, tagsXml } from "./iam-common";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Live keys are random (unlike scenario data) — they are credentials a client will present. */
export function newAccessKey(prefix: "AKIA" | "ASIA", now: Date): IamAccessKey {
  const bytes = randomBytes(46);
  const id = prefix + Array.from(bytes.subarray(0, 16), (b) => BASE32[b % 32]).join("");
  return { accessKeyId: id, secretAccessKey: bytes.subarray(16).toString("base64").slice(0, 40), status: "Active", createDate: now };
}

const userXml = (user: IamUser) => ({
  Path: user.path,
  UserName: user.userName,
  UserId: user.userId,
  Arn: user.arn,
  CreateDate: user.createDate,
  PasswordLastUsed: user.passwordLastUsed,
});

const keyOwner = (params: FormParams, user: IamUser) => ({ userName: user.userName, isUserNameSent: params.get("UserName") !== undefined });

function findKey(ctx: RequestContext, user: IamUser, accessKeyId: string | undefined): IamAccessKey {
  const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
  if (key === undefined) throw noSuchEntity(`The Access Key with id ${accessKeyId ?? ""} cannot be found.`);
  return key;
}

const listUsers: QueryHandler = (ctx, params) => {
  const prefix = params.get("PathPrefix") ?? "/";
  const users = accountIam(ctx).users.filter((u) => u.path.startsWith(prefix));
  const page = iamPage(params, users, ["ListUsers", ctx.caller.accountId, prefix]);
  return { Users: page.items.map(userXml), IsTruncated: page.isTruncated, Marker: page.nextToken };
};

const listAccessKeys: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  const page = iamPage(params, user.accessKeys, ["ListAccessKeys", ctx.caller.accountId, user.userName]);
  return {
    AccessKeyMetadata: page.items.map((k) => ({
      UserName: user.userName,
      AccessKeyId: k.accessKeyId,
      Status: k.status,
      CreateDate: k.createDate,
    })),
    IsTruncated: page.isTruncated,
    Marker: page.nextToken,
  };
};

const getAccessKeyLastUsed: QueryHandler = (ctx, params) => {
  const accessKeyId = params.get("AccessKeyId");
  for (const user of accountIam(ctx).users) {
    const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
    if (key === undefined) continue;
    return {
      UserName: user.userName,
      AccessKeyLastUsed: key.lastUsed
        ? { LastUsedDate: key.lastUsed.date, ServiceName: key.lastUsed.serviceName, Region: key.lastUsed.region }
        : { ServiceName: "N/A", Region: "N/A" },
    };
  }
  throw new AwsError(
    "AccessDenied",
    `User is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${accessKeyId ?? ""}`,
    403,
  );
};

const getLoginProfile: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  if (user.loginProfile === undefined) throw noSuchEntity(`Login Profile for User ${user.userName} cannot be found.`);
  return {
    LoginProfile: {
      UserName: user.userName,
      CreateDate: user.loginProfile.createDate,
      PasswordResetRequired: user.loginProfile.passwordResetRequired,
    },
  };
};

const updateLoginProfile: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  if (user.loginProfile === undefined) throw noSuchEntity(`Login Profile for User ${user.userName} cannot be found.`);
  const password = params.get("Password");
  if (password !== undefined && password.length < 8) {
    throw new AwsError("PasswordPolicyViolation", "Password should have a minimum length of 8", 400);
  }
  const reset = params.bool("PasswordResetRequired");
  if (reset !== undefined) user.loginProfile.passwordResetRequired = reset;
  if (password !== undefined) user.loginProfile.passwordLastChanged = ctx.clock();
  ctx.state.revision++;
  recordApiWrite(ctx, updateLoginProfileShape(user.userName, { isPasswordChanged: password !== undefined, passwordResetRequired: reset }));
  return undefined;
};

const createAccessKey: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  if (user.accessKeys.length >= 2) throw new AwsError("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", 409);
  const key = newAccessKey("AKIA", ctx.clock());
  user.accessKeys.push(key);
  ctx.state.revision++;
  recordApiWrite(ctx, createAccessKeyShape(keyOwner(params, user), key));
  return {
    AccessKey: {
      UserName: user.userName,
      AccessKeyId: key.accessKeyId,
      Status: key.status,
      SecretAccessKey: key.secretAccessKey,
      CreateDate: key.createDate,
    },
  };
};

const deleteAccessKey: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  const key = findKey(ctx, user, params.get("AccessKeyId"));
  user.accessKeys = user.accessKeys.filter((k) => k !== key);
  (ctx.state.deletedAccessKeys ??= new Set()).add(key.accessKeyId);
  ctx.state.revision++;
  recordApiWrite(ctx, deleteAccessKeyShape(keyOwner(params, user), key.accessKeyId));
  return undefined;
};

const updateAccessKey: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  const key = findKey(ctx, user, params.get("AccessKeyId"));
  const status = params.get("Status");
  if (status !== "Active" && status !== "Inactive") {
    throw queryValidationError(
      `1 validation error detected: Value '${status ?? "null"}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`,
    );
  }
  key.status = status;
  ctx.state.revision++;
  recordApiWrite(ctx, updateAccessKeyShape(keyOwner(params, user), key.accessKeyId, status));
  return undefined;
};

const listMfaDevices: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  const page = iamPage(params, user.mfaDevices, ["ListMFADevices", ctx.caller.accountId, user.userName]);
  return {
    MFADevices: page.items.map((d) => ({ UserName: user.userName, SerialNumber: d.serialNumber, EnableDate: d.enableDate })),
    IsTruncated: page.isTruncated,
    Marker: page.nextToken,
  };
};

const listUserTags: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  const page = iamPage(params, user.tags, ["ListUserTags", ctx.caller.accountId, user.userName]);
  return { Tags: tagsXml(page.items), IsTruncated: page.isTruncated, Marker: page.nextToken };
};

const getUser: QueryHandler = (ctx, params) => {
  const user = requireUser(ctx, params.get("UserName"));
  return { User: { ...userXml(user), Tags: user.tags.length > 0 ? tagsXml(user.tags) : undefined } };
};

export const IAM_USER_OPERATIONS: Record<string, QueryHandler> = {
  ListUsers: listUsers,
  GetUser: getUser,
  ListAccessKeys: listAccessKeys,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  CreateAccessKey: createAccessKey,
  DeleteAccessKey: deleteAccessKey,
  UpdateAccessKey: updateAccessKey,
  ListMFADevices: listMfaDevices,
  ListUserTags: listUserTags,
};
