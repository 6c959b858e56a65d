import type { Rng } from "../../random/prng";

export interface ApiCallShape {
  eventSource: string;
  eventName: string;
  isReadOnly: boolean;
  isGlobal?: boolean;
  requestParameters: Record<string, unknown> | null;
}

/** Everyday calls people and pipelines make; management events only, as LookupEvents returns. */
const EVERYDAY: ApiCallShape[] = [
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "DescribeInstances",
    isReadOnly: true,
    requestParameters: { instancesSet: {}, filterSet: {} },
  },
  {
    eventSource: "s3.amazonaws.com",
    eventName: "ListBuckets",
    isReadOnly: true,
    isGlobal: true,
    requestParameters: { Host: "s3.amazonaws.com" },
  },
  { eventSource: "cloudformation.amazonaws.com", eventName: "DescribeStacks", isReadOnly: true, requestParameters: null },
  { eventSource: "logs.amazonaws.com", eventName: "DescribeLogGroups", isReadOnly: true, requestParameters: { limit: 50 } },
  { eventSource: "rds.amazonaws.com", eventName: "DescribeDBInstances", isReadOnly: true, requestParameters: null },
  { eventSource: "lambda.amazonaws.com", eventName: "ListFunctions20150331", isReadOnly: true, requestParameters: null },
  { eventSource: "ssm.amazonaws.com", eventName: "StartSession", isReadOnly: false, requestParameters: { target: "i-0a1b2c3d4e5f67890" } },
  {
    eventSource: "ecs.amazonaws.com",
    eventName: "UpdateService",
    isReadOnly: false,
    requestParameters: { cluster: "main", service: "api", forceNewDeployment: true },
  },
];

export const DEPLOY_CALLS: ApiCallShape[] = [
  { eventSource: "cloudformation.amazonaws.com", eventName: "DescribeStacks", isReadOnly: true, requestParameters: null },
  {
    eventSource: "cloudformation.amazonaws.com",
    eventName: "CreateChangeSet",
    isReadOnly: false,
    requestParameters: { stackName: "app", changeSetType: "UPDATE" },
  },
  {
    eventSource: "cloudformation.amazonaws.com",
    eventName: "ExecuteChangeSet",
    isReadOnly: false,
    requestParameters: { stackName: "app" },
  },
];

export const BREAKGLASS_CALLS: ApiCallShape[] = [
  { eventSource: "iam.amazonaws.com", eventName: "ListUsers", isReadOnly: true, isGlobal: true, requestParameters: null },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "AttachRolePolicy",
    isReadOnly: false,
    isGlobal: true,
    requestParameters: { roleName: "OrganizationAccountAccessRole", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
  },
];

export const pickEveryday = (rng: Rng): ApiCallShape => rng.pick(EVERYDAY);
