import { AwsError } from "../../protocol/aws-error";
import type { QueryHandler } from "../../protocol/request-context";
import { accountIam } from "./iam-common";
import { buildCredentialReportCsv } from "./credential-report-csv";

/** How long the simulated generation takes before GetCredentialReport answers. */
const GENERATION_MS = 250;
/** IAM reuses a report for four hours. */
const REUSE_MS = 4 * 3600 * 1000;

const generateCredentialReport: QueryHandler = (ctx) => {
  const iam = accountIam(ctx);
  const now = ctx.clock();
  const report = iam.credentialReport;
  if (report === undefined || now.getTime() - report.generatedAt.getTime() > REUSE_MS) {
    iam.credentialReport = { generatedAt: now, isReady: false };
    return { State: "STARTED", Description: "No report exists. Starting a new report generation task" };
  }
  // A second Generate call is the usual way clients poll; treat it as "done".
  report.isReady = true;
  return { State: "COMPLETE" };
};

const getCredentialReport: QueryHandler = (ctx) => {
  const iam = accountIam(ctx);
  const report = iam.credentialReport;
  if (report === undefined) {
    throw new AwsError("ReportNotPresent", "Credential report not present. Call GenerateCredentialReport to generate a report.", 410);
  }
  if (!report.isReady && ctx.clock().getTime() - report.generatedAt.getTime() < GENERATION_MS) {
    throw new AwsError("ReportInProgress", "Credential report generation is in progress.", 404);
  }
  report.isReady = true;
  return {
    Content: Buffer.from(buildCredentialReportCsv(iam), "utf8").toString("base64"),
    ReportFormat: "text/csv",
    GeneratedTime: report.generatedAt,
  };
};

export const IAM_CREDENTIAL_REPORT_OPERATIONS: Record<string, QueryHandler> = {
  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
};
