import type { IamRole, IamSamlProvider } from "../model/iam";
import type { IdcPermissionSet } from "../model/identity-center";
import { findAwsManagedPolicy } from "../catalog/aws-managed-policies";
import type { Rng } from "../random/prng";
import { hexId, iamUniqueId } from "../random/ids";

export const SSO_ROLE_PATH_PREFIX = "/aws-reserved/sso.amazonaws.com/";

export function samlProviderFor(accountId: string, rng: Rng, createDate: Date): IamSamlProvider {
  const name = `AWSSSO_${hexId(rng, 16)}_DO_NOT_DELETE`;
  return { name, arn: `arn:aws:iam::${accountId}:saml-provider/${name}`, createDate };
}

/** The trust policy Identity Center writes on every AWSReservedSSO role. */
export const reservedRoleTrustPolicy = (samlProviderArn: string): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: samlProviderArn },
        Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
        Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      },
    ],
  });

/** The role Identity Center provisions for a permission set in one account. */
export function reservedRoleFor(input: {
  accountId: string;
  permissionSet: IdcPermissionSet;
  samlProvider: IamSamlProvider;
  rng: Rng;
  createDate: Date;
  pathRegion?: string;
}): IamRole {
  const { accountId, permissionSet: ps } = input;
  const roleName = `AWSReservedSSO_${ps.name}_${hexId(input.rng, 16)}`;
  const path = input.pathRegion ? `${SSO_ROLE_PATH_PREFIX}${input.pathRegion}/` : SSO_ROLE_PATH_PREFIX;
  return {
    roleName,
    roleId: iamUniqueId(input.rng, "AROA"),
    path,
    arn: `arn:aws:iam::${accountId}:role${path}${roleName}`,
    createDate: input.createDate,
    trustPolicy: reservedRoleTrustPolicy(input.samlProvider.arn),
    trustPolicyRevision: 0,
    maxSessionDuration: 43200,
    inlinePolicies: ps.inlinePolicy !== "" ? [{ name: "AwsSSOInlinePolicy", document: ps.inlinePolicy }] : [],
    attachedPolicies: [
      ...ps.managedPolicies,
      ...ps.customerManagedPolicies.map((c) => ({ name: c.name, arn: `arn:aws:iam::${accountId}:policy${c.path}${c.name}` })),
    ],
    permissionsBoundaryArn:
      ps.permissionsBoundary === undefined
        ? undefined
        : "managedPolicyArn" in ps.permissionsBoundary
          ? ps.permissionsBoundary.managedPolicyArn
          : `arn:aws:iam::${accountId}:policy${ps.permissionsBoundary.customerManagedPolicyReference.path}${ps.permissionsBoundary.customerManagedPolicyReference.name}`,
    tags: [],
    isProtected: true,
    description: undefined,
  };
}

/** Resolves a managed policy name or ARN to an attachment. */
export function managedPolicyRef(nameOrArn: string, accountId: string): { name: string; arn: string } {
  const aws = findAwsManagedPolicy(nameOrArn);
  if (aws !== undefined) return { name: aws.name, arn: aws.arn };
  if (nameOrArn.startsWith("arn:")) return { name: nameOrArn.split("/").pop() as string, arn: nameOrArn };
  return { name: nameOrArn, arn: `arn:aws:iam::${accountId}:policy/${nameOrArn}` };
}
