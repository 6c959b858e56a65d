import type { z } from "zod";
import { IAM_POLICY_NAME, ORG_POLICY_ID } from "../aws";
import { LAYOUT } from "./layout";
import { AUTHORIZATION_DETAILS } from "./schemas/iam";
import { DESCRIBE_POLICY, GET_POLICY_VERSION, LIST_POLICIES, LIST_TARGETS_FOR_POLICY } from "./schemas/policies";

type Out<S extends z.ZodType> = z.output<S>;

export interface PolicyFiles {
  serviceControlPolicies: {
    list?: Out<typeof LIST_POLICIES>;
    /** by policy id (the folder name) */
    byId: Map<string, { describe?: Out<typeof DESCRIBE_POLICY>; targets?: Out<typeof LIST_TARGETS_FOR_POLICY> }>;
  };
  awsManaged: {
    authorizationDetails?: Out<typeof AUTHORIZATION_DETAILS>;
    /** by policy name (the file name) */
    versions: Map<string, Out<typeof GET_POLICY_VERSION>>;
  };
}

export function emptyPolicyFiles(): PolicyFiles {
  return { serviceControlPolicies: { byId: new Map() }, awsManaged: { versions: new Map() } };
}

interface ReadContext {
  files: PolicyFiles;
  problems: string[];
  ignored: string[];
  parse: <S extends z.ZodType>(path: string, schema: S) => Promise<Out<S> | undefined>;
}

/**
 * The SCP files (`organizations/policies/…`) and AWS-managed policy documents
 * (`aws-managed-policies/…`). Returns false for a path outside them; folder and file names are
 * held to AWS's formats (policy id, IAM policy name) before anything is read.
 */
export async function readPolicyFile(path: string, ctx: ReadContext): Promise<boolean> {
  const segments = path.split("/");
  if (path === LAYOUT.listPolicies) {
    ctx.files.serviceControlPolicies.list = await ctx.parse(path, LIST_POLICIES);
    return true;
  }
  if (path.startsWith(`${LAYOUT.policiesDir}/`)) {
    const [, , policyId, file] = segments;
    if (segments.length !== 4 || !policyId || !file) {
      ctx.ignored.push(path);
      return true;
    }
    if (!ORG_POLICY_ID.test(policyId)) {
      ctx.problems.push(`${path}: folder name must be an Organizations policy id (p-…)`);
      return true;
    }
    const entry = ctx.files.serviceControlPolicies.byId.get(policyId) ?? {};
    ctx.files.serviceControlPolicies.byId.set(policyId, entry);
    if (path === LAYOUT.describePolicy(policyId)) entry.describe = await ctx.parse(path, DESCRIBE_POLICY);
    else if (path === LAYOUT.policyTargets(policyId)) entry.targets = await ctx.parse(path, LIST_TARGETS_FOR_POLICY);
    else ctx.ignored.push(path);
    if (entry.describe && entry.describe.Policy.PolicySummary.Id !== policyId) {
      ctx.problems.push(
        `${path}: Policy.PolicySummary.Id: ${entry.describe.Policy.PolicySummary.Id} is not the folder's policy id ${policyId}`,
      );
    }
    return true;
  }
  if (path === LAYOUT.awsManagedAuthorizationDetails) {
    ctx.files.awsManaged.authorizationDetails = await ctx.parse(path, AUTHORIZATION_DETAILS);
    return true;
  }
  if (path.startsWith(`${LAYOUT.policyVersionsDir}/`)) {
    const name = segments.length === 3 && path.endsWith(".json") ? segments[2]!.slice(0, -".json".length) : null;
    if (name === null) ctx.ignored.push(path);
    else if (!IAM_POLICY_NAME.test(name)) ctx.problems.push(`${path}: file name must be an IAM policy name (letters, digits and _+=,.@-)`);
    else {
      const version = await ctx.parse(path, GET_POLICY_VERSION);
      if (version) ctx.files.awsManaged.versions.set(name, version);
    }
    return true;
  }
  if (path.startsWith(`${LAYOUT.awsManagedPoliciesDir}/`)) {
    ctx.ignored.push(path);
    return true;
  }
  return false;
}
