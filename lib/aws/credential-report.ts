import { GenerateCredentialReportCommand, GetCredentialReportCommand, type IAMClient } from "@aws-sdk/client-iam";
import { isCredentialReportPending } from "./aws-errors";
import { AwsResponseError } from "./aws-response-error";
import { parseCredentialReport } from "./credential-report-csv";
import { SYSTEM_CLOCK, type Clock } from "./pacer";
import type { CredentialReport } from "./types";

export interface CredentialReportPolling {
  initialDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export class CredentialReportTimeoutError extends AwsResponseError {
  override name = "CredentialReportTimeout";
}

/**
 * GenerateCredentialReport until COMPLETE (exponential backoff), then GetCredentialReport.
 * AWS returns an existing report younger than 4 hours instead of generating a new one.
 */
export async function fetchCredentialReport(
  iam: IAMClient,
  polling: CredentialReportPolling,
  clock: Clock = SYSTEM_CLOCK,
): Promise<CredentialReport> {
  const deadline = clock.now() + polling.timeoutMs;
  let delay = polling.initialDelayMs;
  for (;;) {
    const generated = await iam.send(new GenerateCredentialReportCommand({}));
    if (generated.State === "COMPLETE") {
      const report = await getReportIfReady(iam);
      if (report) return report;
    }
    if (clock.now() + delay > deadline) {
      throw new CredentialReportTimeoutError(`credential report not ready after ${polling.timeoutMs} ms`);
    }
    await clock.sleep(delay);
    delay = Math.min(Math.max(delay * 2, 1), polling.maxDelayMs);
  }
}

async function getReportIfReady(iam: IAMClient): Promise<CredentialReport | null> {
  try {
    const out = await iam.send(new GetCredentialReportCommand({}));
    const csv = out.Content ? new TextDecoder().decode(out.Content) : "";
    return { generatedAt: out.GeneratedTime?.toISOString() ?? null, rows: parseCredentialReport(csv) };
  } catch (err) {
    if (isCredentialReportPending(err)) return null;
    throw err;
  }
}
