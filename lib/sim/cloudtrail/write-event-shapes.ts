import { humanExpiration } from "./event-actor";
import { HIDDEN_DUE_TO_SECURITY_REASONS, type WriteEventShape } from "./write-event";

/**
 * The request parameters and response elements AWS writes for each change the simulator makes, member
 * names as in AWS's CloudTrail records (the API's field names in camelCase; `sAMLAssertionID`-style
 * quirks aside). Policy documents are recorded as the JSON text sent; passwords and secrets never.
 */

const role = (roleName: string) => ({ type: "AWS::IAM::Role", name: roleName });
const user = (userName: string) => ({ type: "AWS::IAM::User", name: userName });
const accessKey = (accessKeyId: string) => ({ type: "AWS::IAM::AccessKey", name: accessKeyId });
const permissionSet = (arn: string) => ({ type: "AWS::SSO::PermissionSet", name: arn });

export const updateAssumeRolePolicyShape = (roleName: string, policyDocument: string): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "UpdateAssumeRolePolicy",
  requestParameters: { roleName, policyDocument },
  lookupResources: [role(roleName)],
});

export const attachRolePolicyShape = (roleName: string, policyArn: string): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "AttachRolePolicy",
  requestParameters: { roleName, policyArn },
  lookupResources: [{ type: "AWS::IAM::Policy", name: policyArn }, role(roleName)],
});

export const putRolePolicyShape = (roleName: string, policyName: string, policyDocument: string): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "PutRolePolicy",
  requestParameters: { roleName, policyName, policyDocument },
  lookupResources: [{ type: "AWS::IAM::Policy", name: policyName }, role(roleName)],
});

/** `userName` is the key's owner; AWS records it among the request parameters only when the caller named it. */
interface AccessKeyTarget {
  userName: string;
  isUserNameSent: boolean;
}

const userNameParameter = (target: AccessKeyTarget) => (target.isUserNameSent ? { userName: target.userName } : {});

export const createAccessKeyShape = (
  target: AccessKeyTarget,
  key: { accessKeyId: string; status: string; createDate: Date },
): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "CreateAccessKey",
  requestParameters: userNameParameter(target),
  // The secret is never recorded: the response lists the key without it.
  responseElements: {
    accessKey: { userName: target.userName, accessKeyId: key.accessKeyId, status: key.status, createDate: humanExpiration(key.createDate) },
  },
  lookupResources: [accessKey(key.accessKeyId), user(target.userName)],
});

export const deleteAccessKeyShape = (target: AccessKeyTarget, accessKeyId: string): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "DeleteAccessKey",
  requestParameters: { ...userNameParameter(target), accessKeyId },
  lookupResources: [accessKey(accessKeyId), user(target.userName)],
});

export const updateAccessKeyShape = (target: AccessKeyTarget, accessKeyId: string, status: string): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "UpdateAccessKey",
  requestParameters: { ...userNameParameter(target), accessKeyId, status },
  lookupResources: [accessKey(accessKeyId), user(target.userName)],
});

export const updateLoginProfileShape = (
  userName: string,
  change: { isPasswordChanged: boolean; passwordResetRequired?: boolean },
): WriteEventShape => ({
  eventSource: "iam.amazonaws.com",
  eventName: "UpdateLoginProfile",
  requestParameters: {
    userName,
    ...(change.isPasswordChanged ? { password: HIDDEN_DUE_TO_SECURITY_REASONS } : {}),
    ...(change.passwordResetRequired !== undefined ? { passwordResetRequired: change.passwordResetRequired } : {}),
  },
  lookupResources: [user(userName)],
});

export const createAccountAssignmentShape = (input: {
  instanceArn: string;
  accountId: string;
  permissionSetArn: string;
  principalType: string;
  principalId: string;
  requestId: string;
}): WriteEventShape => {
  const assignment = {
    targetId: input.accountId,
    targetType: "AWS_ACCOUNT",
    permissionSetArn: input.permissionSetArn,
    principalType: input.principalType,
    principalId: input.principalId,
  };
  return {
    eventSource: "sso.amazonaws.com",
    eventName: "CreateAccountAssignment",
    requestParameters: { instanceArn: input.instanceArn, ...assignment },
    responseElements: { accountAssignmentCreationStatus: { status: "IN_PROGRESS", requestId: input.requestId, ...assignment } },
    lookupResources: [permissionSet(input.permissionSetArn), { type: "AWS::Organizations::Account", name: input.accountId }],
  };
};

export const updatePermissionSetShape = (
  instanceArn: string,
  permissionSetArn: string,
  changes: { sessionDuration?: string; description?: string; relayState?: string },
): WriteEventShape => ({
  eventSource: "sso.amazonaws.com",
  eventName: "UpdatePermissionSet",
  requestParameters: { instanceArn, permissionSetArn, ...changes },
  lookupResources: [permissionSet(permissionSetArn)],
});

export const putInlinePolicyToPermissionSetShape = (
  instanceArn: string,
  permissionSetArn: string,
  inlinePolicy: string,
): WriteEventShape => ({
  eventSource: "sso.amazonaws.com",
  eventName: "PutInlinePolicyToPermissionSet",
  requestParameters: { instanceArn, permissionSetArn, inlinePolicy },
  lookupResources: [permissionSet(permissionSetArn)],
});

export const provisionPermissionSetShape = (instanceArn: string, permissionSetArn: string, requestId: string): WriteEventShape => ({
  eventSource: "sso.amazonaws.com",
  eventName: "ProvisionPermissionSet",
  requestParameters: { instanceArn, permissionSetArn, targetType: "ALL_PROVISIONED_ACCOUNTS" },
  responseElements: { permissionSetProvisioningStatus: { status: "IN_PROGRESS", requestId, permissionSetArn } },
  lookupResources: [permissionSet(permissionSetArn)],
});

export const createGroupMembershipShape = (input: {
  identityStoreId: string;
  groupId: string;
  userId: string;
  membershipId: string;
}): WriteEventShape => ({
  eventSource: "identitystore.amazonaws.com",
  eventName: "CreateGroupMembership",
  requestParameters: { identityStoreId: input.identityStoreId, groupId: input.groupId, memberId: { userId: input.userId } },
  responseElements: { membershipId: input.membershipId, identityStoreId: input.identityStoreId },
  lookupResources: [{ type: "AWS::IdentityStore::Group", name: input.groupId }],
});

export const attachPolicyShape = (policyId: string, targetId: string): WriteEventShape => ({
  eventSource: "organizations.amazonaws.com",
  eventName: "AttachPolicy",
  requestParameters: { policyId, targetId },
  lookupResources: [{ type: "AWS::Organizations::Policy", name: policyId }],
});

export const detachPolicyShape = (policyId: string, targetId: string): WriteEventShape => ({
  eventSource: "organizations.amazonaws.com",
  eventName: "DetachPolicy",
  requestParameters: { policyId, targetId },
  lookupResources: [{ type: "AWS::Organizations::Policy", name: policyId }],
});
