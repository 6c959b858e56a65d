import { GetLoginProfileCommand, GetUserCommand, ListAccessKeysCommand, ListMFADevicesCommand, type IAMClient } from "@aws-sdk/client-iam";
import { isNotFound, type CredentialReport } from "../aws";
import type { BreakglassCredentialSummary } from "../vault";

export const DRILL_CHECKS = ["user-exists", "mfa", "access-key", "console-password", "password-age", "drill"] as const;
export type DrillCheck = (typeof DRILL_CHECKS)[number];
export type DrillProblem = { check: DrillCheck; message: string };

/** IAM's and Vigil's clocks, and the report's timestamps (whole seconds), may differ by this much. */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * What IAM says about one registered break-glass user against what the vault believes: the user
 * exists, has an MFA device, its one access key is the vault's (active, and no other), its console
 * password exists and was last changed at the last rotation (credential report). Pure reads.
 */
export async function drillCredential(
  iam: IAMClient,
  credential: BreakglassCredentialSummary,
  loadReport: () => Promise<CredentialReport>,
): Promise<DrillProblem[]> {
  const UserName = credential.iamUserName;
  const problems: DrillProblem[] = [];
  try {
    await iam.send(new GetUserCommand({ UserName }));
  } catch (error) {
    if (isNotFound(error)) return [{ check: "user-exists", message: `IAM user ${UserName} no longer exists in ${credential.accountId}` }];
    throw error;
  }

  const mfa = await iam.send(new ListMFADevicesCommand({ UserName }));
  if ((mfa.MFADevices ?? []).length === 0) problems.push({ check: "mfa", message: `${UserName} has no MFA device` });

  const keys = (await iam.send(new ListAccessKeysCommand({ UserName }))).AccessKeyMetadata ?? [];
  const vaultKey = keys.find((k) => k.AccessKeyId === credential.accessKeyId);
  if (credential.accessKeyId && !vaultKey)
    problems.push({
      check: "access-key",
      message: `the vault's access key ${credential.accessKeyId} is not among ${UserName}'s keys in IAM`,
    });
  if (vaultKey && vaultKey.Status !== "Active")
    problems.push({ check: "access-key", message: `the vault's access key ${credential.accessKeyId} is ${vaultKey.Status} in IAM` });
  for (const key of keys)
    if (key.AccessKeyId !== credential.accessKeyId)
      problems.push({
        check: "access-key",
        message: `${UserName} has an access key the vault does not hold: ${key.AccessKeyId} (${key.Status})`,
      });

  if (credential.hasPassword) {
    let hasLoginProfile = true;
    try {
      await iam.send(new GetLoginProfileCommand({ UserName }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      hasLoginProfile = false;
      problems.push({ check: "console-password", message: `${UserName} has no console password in IAM but the vault holds one` });
    }
    if (hasLoginProfile) problems.push(...passwordAge(credential, await loadReport()));
  }
  return problems;
}

/** The password-age check over a credential report (exported for its unit test). */
export function passwordAge(credential: BreakglassCredentialSummary, report: CredentialReport): DrillProblem[] {
  const row = report.rows.find((r) => r.user === credential.iamUserName);
  const reference = credential.rotatedAt ?? credential.createdAt;
  const generatedAt = report.generatedAt ? new Date(report.generatedAt) : null;
  // AWS hands out a report up to four hours old: one from before the last rotation cannot judge it.
  if (!row?.passwordLastChangedAt || !generatedAt || generatedAt < reference) return [];
  const changed = new Date(row.passwordLastChangedAt);
  if (credential.rotatedAt && changed.getTime() < credential.rotatedAt.getTime() - CLOCK_TOLERANCE_MS)
    return [
      {
        check: "password-age",
        message: `the console password was last changed ${row.passwordLastChangedAt}, before the last rotation (${credential.rotatedAt.toISOString()})`,
      },
    ];
  if (changed.getTime() > reference.getTime() + CLOCK_TOLERANCE_MS)
    return [
      {
        check: "password-age",
        message: `the console password was changed outside Vigil at ${row.passwordLastChangedAt}, after ${credential.rotatedAt ? "the last rotation" : "registration"}: the vault's copy is stale`,
      },
    ];
  return [];
}
