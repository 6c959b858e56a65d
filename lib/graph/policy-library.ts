import type { AwsManagedPolicyDocument, IamManagedPolicy, OrgInventory, PolicyDocument } from "../aws";
import type { GraphNotes } from "./graph-notes";
import { MANAGED_POLICY_PACKAGE, openManagedPolicyPackage } from "../managed-policies";

/** One policy as the evaluator gets it; `token` identifies its content for decision caching. */
export interface ResolvedPolicy {
  name: string;
  document: PolicyDocument;
  token: string;
}

const AWS_MANAGED_ARN = /^arn:[\w-]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/**
 * Every managed policy document a caller may reference: customer-managed ones by ARN (from each
 * account's IAM), AWS-managed ones from the snapshot or, when missing there, the packaged offline
 * copy (with a note naming it). Unknown documents are noted once and grant nothing.
 */
export class PolicyLibrary {
  private readonly tokens = new Map<string, string>();
  private readonly customer = new Map<string, IamManagedPolicy>();
  private readonly awsManaged = new Map<string, AwsManagedPolicyDocument>();
  private readonly packaged = new Map<string, PolicyDocument>();
  private packagedSource = "";

  private constructor(
    state: OrgInventory,
    private readonly notes: GraphNotes,
  ) {
    for (const iam of Object.values(state.iamByAccount)) for (const policy of iam.policies) this.customer.set(policy.arn, policy);
    for (const policy of state.awsManagedPolicies) this.awsManaged.set(policy.arn, policy);
  }

  static async load(state: OrgInventory, notes: GraphNotes): Promise<PolicyLibrary> {
    const library = new PolicyLibrary(state, notes);
    const missing = [...referencedAwsManagedArns(state)].filter((arn) => !library.awsManaged.get(arn)?.document);
    if (missing.length > 0) {
      const names = missing.map((arn) => AWS_MANAGED_ARN.exec(arn)?.[1]).filter((name): name is string => name !== undefined);
      const packagedPolicies = openManagedPolicyPackage();
      const packaged = packagedPolicies.read(names);
      library.packagedSource = `${MANAGED_POLICY_PACKAGE}@${packagedPolicies.version}`;
      for (const arn of missing) {
        const name = AWS_MANAGED_ARN.exec(arn)?.[1];
        const found = name === undefined ? undefined : packaged.get(name);
        if (found && found.arn === arn) library.packaged.set(arn, found.document as PolicyDocument);
      }
    }
    return library;
  }

  /** A token for the content of a document: equal documents share it. */
  tokenFor(document: PolicyDocument): string {
    const text = JSON.stringify(document);
    let token = this.tokens.get(text);
    if (token === undefined) {
      token = String(this.tokens.size);
      this.tokens.set(text, token);
    }
    return token;
  }

  inline(name: string, document: PolicyDocument | null, owner: string): ResolvedPolicy | null {
    if (document) return { name, document, token: this.tokenFor(document) };
    this.notes.add({
      code: "POLICY_UNREADABLE",
      message: `inline policy ${name} of ${owner} is not valid JSON; treated as granting nothing`,
      resourceArn: owner,
    });
    return null;
  }

  managed(arn: string, usedBy: string): ResolvedPolicy | null {
    const document = this.managedDocument(arn, usedBy);
    return document ? { name: arn, document, token: this.tokenFor(document) } : null;
  }

  private managedDocument(arn: string, usedBy: string): PolicyDocument | null {
    if (!AWS_MANAGED_ARN.test(arn)) {
      const policy = this.customer.get(arn);
      if (policy?.document) return policy.document;
      this.notes.add({
        code: "POLICY_MISSING",
        message: `customer-managed policy ${arn} used by ${usedBy} is not in the snapshot; treated as granting nothing`,
        resourceArn: arn,
      });
      return null;
    }
    const collected = this.awsManaged.get(arn)?.document;
    if (collected) return collected;
    const packaged = this.packaged.get(arn);
    if (packaged) {
      this.notes.add({
        code: "AWS_MANAGED_POLICY_OFFLINE_COPY",
        message: `AWS-managed policy ${arn} is not in the snapshot; its document comes from ${this.packagedSource}`,
        resourceArn: arn,
      });
      return packaged;
    }
    this.notes.add({
      code: "POLICY_MISSING",
      message: `AWS-managed policy ${arn} is neither in the snapshot nor in the offline copy; treated as granting nothing`,
      resourceArn: arn,
    });
    return null;
  }
}

function referencedAwsManagedArns(state: OrgInventory): Set<string> {
  const arns = new Set<string>();
  const add = (arn: string | null | undefined) => {
    if (arn && AWS_MANAGED_ARN.test(arn)) arns.add(arn);
  };
  for (const iam of Object.values(state.iamByAccount)) {
    for (const holder of [...iam.roles, ...iam.users, ...iam.groups]) for (const ref of holder.attachedManagedPolicies) add(ref.arn);
    for (const holder of [...iam.roles, ...iam.users]) add(holder.permissionsBoundaryArn);
  }
  for (const set of state.identityCenter?.permissionSets ?? []) {
    for (const ref of set.awsManagedPolicies) add(ref.arn);
    add(set.permissionsBoundary?.managedPolicyArn);
  }
  return arns;
}
