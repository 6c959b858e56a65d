/**
 * The AWS managed policies scenarios attach. Documents are abbreviated where AWS's are thousands
 * of lines (ReadOnlyAccess, ViewOnlyAccess…): the statements kept are representative, and the
 * ARNs, paths and ids are the real ones so findings can key on them.
 */
export interface AwsManagedPolicy {
  name: string;
  arn: string;
  path: string;
  policyId: string;
  versionId: string;
  description: string;
  createDate: Date;
  updateDate: Date;
  document: string;
}

const doc = (statement: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statement });

const make = (
  name: string,
  policyId: string,
  versionId: string,
  description: string,
  statement: unknown[],
  path = "/",
): AwsManagedPolicy => ({
  name,
  arn: `arn:aws:iam::aws:policy${path}${name}`,
  path,
  policyId,
  versionId,
  description,
  createDate: new Date("2015-02-06T18:39:46Z"),
  updateDate: new Date("2024-06-11T14:19:52Z"),
  document: doc(statement),
});

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  make("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", "v1", "Provides full access to AWS services and resources.", [
    { Effect: "Allow", Action: "*", Resource: "*" },
  ]),
  make("ReadOnlyAccess", "ANPAILL3HVNFSB6DCOWYQ", "v118", "Provides read-only access to AWS services and resources.", [
    {
      Sid: "ReadOnlyActions",
      Effect: "Allow",
      Action: [
        "ec2:Describe*",
        "iam:Get*",
        "iam:List*",
        "s3:Get*",
        "s3:List*",
        "cloudtrail:LookupEvents",
        "logs:Get*",
        "rds:Describe*",
        "lambda:Get*",
        "lambda:List*",
      ],
      Resource: "*",
    },
  ]),
  make(
    "ViewOnlyAccess",
    "ANPAID22R6XPJATWOFDK6",
    "v36",
    "This policy grants permissions to view resources and basic metadata across all AWS services.",
    [
      {
        Effect: "Allow",
        Action: ["ec2:DescribeInstances", "s3:ListAllMyBuckets", "iam:ListRoles", "iam:ListUsers", "rds:DescribeDBInstances"],
        Resource: "*",
      },
    ],
    "/job-function/",
  ),
  make(
    "SecurityAudit",
    "ANPAIX2T3QCXHR2OGGCTO",
    "v45",
    "The security audit template grants access to read security configuration metadata.",
    [
      {
        Effect: "Allow",
        Action: [
          "iam:GenerateCredentialReport",
          "iam:Get*",
          "iam:List*",
          "cloudtrail:DescribeTrails",
          "cloudtrail:LookupEvents",
          "config:Describe*",
          "organizations:List*",
          "organizations:Describe*",
          "sso:Describe*",
          "sso:List*",
        ],
        Resource: "*",
      },
    ],
  ),
  make(
    "PowerUserAccess",
    "ANPAJYRXTHIB4FOVS3ZXS",
    "v5",
    "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
    [
      { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
      {
        Effect: "Allow",
        Action: [
          "iam:CreateServiceLinkedRole",
          "iam:DeleteServiceLinkedRole",
          "iam:ListRoles",
          "organizations:DescribeOrganization",
          "account:ListRegions",
        ],
        Resource: "*",
      },
    ],
  ),
  make(
    "Billing",
    "ANPAIFTHXT6FFMIRT7ZEA",
    "v12",
    "Grants permissions for billing and cost management.",
    [{ Effect: "Allow", Action: ["aws-portal:*", "budgets:*", "ce:*", "cur:*", "account:GetAccountInformation"], Resource: "*" }],
    "/job-function/",
  ),
  make("AWSCloudFormationFullAccess", "ANPAJB6NPNMEQ4ZTY37FG", "v1", "Provides full access to AWS CloudFormation.", [
    { Effect: "Allow", Action: ["cloudformation:*"], Resource: "*" },
  ]),
  make(
    "AmazonS3ReadOnlyAccess",
    "ANPAIZTJ4DXE7G6AGAE6M",
    "v3",
    "Provides read only access to all buckets via the AWS Management Console.",
    [
      {
        Effect: "Allow",
        Action: ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"],
        Resource: "*",
      },
    ],
  ),
  make(
    "AWSLambdaBasicExecutionRole",
    "ANPAJNCQGXC42545SKXIK",
    "v1",
    "Provides write permissions to CloudWatch Logs.",
    [{ Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }],
    "/service-role/",
  ),
  make(
    "AmazonEC2ContainerRegistryPowerUser",
    "ANPAJDNE5PIHROIBGGDDW",
    "v3",
    "Provides full access to Amazon EC2 Container Registry repositories, but does not allow repository deletion.",
    [
      {
        Effect: "Allow",
        Action: [
          "ecr:GetAuthorizationToken",
          "ecr:BatchCheckLayerAvailability",
          "ecr:PutImage",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
        ],
        Resource: "*",
      },
    ],
  ),
];

const BY_ARN = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));
const BY_NAME = new Map(AWS_MANAGED_POLICIES.map((p) => [p.name, p]));

export const findAwsManagedPolicy = (arnOrName: string): AwsManagedPolicy | undefined => BY_ARN.get(arnOrName) ?? BY_NAME.get(arnOrName);
