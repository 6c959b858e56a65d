import type { AccountIam, IamAccessKey, IamUser } from "../../model/iam";

export const CREDENTIAL_REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
] as const;

/** Credential reports write offsets, not `Z`: `2017-06-10T02:35:07+00:00`. */
export const reportDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "+00:00");

function keyColumns(key: IamAccessKey | undefined): string[] {
  if (key === undefined) return ["false", "N/A", "N/A", "N/A", "N/A"];
  return [
    String(key.status === "Active"),
    reportDate(key.createDate),
    key.lastUsed ? reportDate(key.lastUsed.date) : "N/A",
    key.lastUsed ? key.lastUsed.region : "N/A",
    key.lastUsed ? key.lastUsed.serviceName : "N/A",
  ];
}

function userRow(user: IamUser): string[] {
  const hasPassword = user.loginProfile !== undefined;
  const keys = [...user.accessKeys].sort((a, b) => a.createDate.getTime() - b.createDate.getTime());
  return [
    user.userName,
    user.arn,
    reportDate(user.createDate),
    String(hasPassword),
    hasPassword ? (user.passwordLastUsed ? reportDate(user.passwordLastUsed) : "no_information") : "N/A",
    hasPassword && user.loginProfile ? reportDate(user.loginProfile.passwordLastChanged) : "N/A",
    "N/A",
    String(user.mfaDevices.length > 0),
    ...keyColumns(keys[0]),
    ...keyColumns(keys[1]),
    "false",
    "N/A",
    "false",
    "N/A",
  ];
}

/** The 22-column CSV IAM generates: the root account first, then every user. */
export function buildCredentialReportCsv(iam: AccountIam): string {
  const root = [
    "<root_account>",
    `arn:aws:iam::${iam.accountId}:root`,
    reportDate(iam.root.createDate),
    "not_supported",
    iam.root.passwordLastUsed ? reportDate(iam.root.passwordLastUsed) : "no_information",
    "not_supported",
    "not_supported",
    String(iam.root.mfaActive),
    ...keyColumns(undefined),
    ...keyColumns(undefined),
    "false",
    "N/A",
    "false",
    "N/A",
  ];
  const rows = [CREDENTIAL_REPORT_COLUMNS as readonly string[], root, ...iam.users.map(userRow)];
  return rows.map((r) => r.join(",")).join("\n");
}
