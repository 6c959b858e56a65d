import { mapAuthorizationDetails, parseCredentialReport, type AccountCoverage, type AccountIam } from "../aws";
import type { AccountIamFiles } from "./read-import-directory";

const AWS_MANAGED_POLICY = /^arn:[\w-]+:iam::aws:policy\//;

/** One account's IAM from its files, with coverage that says which reads the files stand for. */
export function mapAccountIam(
  accountId: string,
  files: AccountIamFiles,
  opts: { isTruncated?: boolean } = {},
): { iam: AccountIam; coverage: AccountCoverage } {
  const details = files.authorizationDetails;
  const report = files.credentialReport;
  // AWS-managed policies are the same in every account; like the live collector (GAAD filter
  // LocalManagedPolicy) only customer-managed ones are kept, whether or not the CLI was told `--filter`.
  const customerManaged = details ? { ...details, Policies: details.Policies.filter((p) => !AWS_MANAGED_POLICY.test(p.Arn)) } : {};
  const iam: AccountIam = {
    accountId,
    ...mapAuthorizationDetails(accountId, customerManaged, files.listRoles?.Roles),
    credentialReport: report ? { generatedAt: report.generatedAt, rows: parseCredentialReport(report.csv) } : null,
  };
  // As live: GAAD without ListRoles is PARTIAL (no session limits), so is one page of either; an absent file is not collected.
  const authorizationDetails = details ? (files.listRoles && !opts.isTruncated ? "COLLECTED" : "PARTIAL") : "SKIPPED";
  const credentialReport = report ? "COLLECTED" : "SKIPPED";
  const complete = authorizationDetails === "COLLECTED" && credentialReport === "COLLECTED";
  const none = authorizationDetails === "SKIPPED" && credentialReport === "SKIPPED";
  return {
    iam,
    coverage: {
      accountId,
      iam: complete ? "COLLECTED" : none ? "SKIPPED" : "PARTIAL",
      authorizationDetails,
      credentialReport,
      reason: complete
        ? null
        : none
          ? "no IAM files in the import"
          : opts.isTruncated
            ? "an IAM file in the import is one page of a longer listing"
            : "some IAM files absent from the import",
    },
  };
}
