import type { ExportColumn } from "@/lib/export";
import { findIamUsers, iamUserListParams, type IamUserRow } from "@/lib/inventory";
import { listExportRoute } from "../../../_data/list-export-route";

export const dynamic = "force-dynamic";

/** Credential-report fields: unknown (not "no") when the account's report was not collected. */
function reported(user: IamUserRow, value: boolean | string | null): string {
  if (!user.hasCredentialReport) return "(no credential report)";
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return value;
}

function keyColumns(index: 0 | 1): Array<ExportColumn<IamUserRow>> {
  const key = (user: IamUserRow) => user.accessKeys[index];
  const label = `Access key ${index + 1}`;
  return [
    { header: `${label} active`, value: (u) => reported(u, key(u)?.active ?? null), width: 8 },
    { header: `${label} last rotated`, value: (u) => reported(u, key(u)?.lastRotatedAt ?? null), width: 24 },
    { header: `${label} last used`, value: (u) => reported(u, key(u)?.lastUsedAt ?? null), width: 24 },
    { header: `${label} last used service`, value: (u) => reported(u, key(u)?.lastUsedService ?? null), width: 14 },
  ];
}

const COLUMNS: Array<ExportColumn<IamUserRow>> = [
  { header: "User name", value: (u) => u.userName, width: 24 },
  { header: "Account id", value: (u) => u.accountId, width: 14 },
  { header: "Account name", value: (u) => u.accountName, width: 24 },
  { header: "ARN", value: (u) => u.arn, width: 60 },
  { header: "Path", value: (u) => u.path, width: 16 },
  { header: "Created", value: (u) => u.createdAt, width: 24 },
  { header: "Groups", value: (u) => u.groupNames.join("; "), width: 30 },
  { header: "Console access", value: (u) => reported(u, u.consoleAccess), width: 8 },
  { header: "Password last used", value: (u) => reported(u, u.passwordLastUsedAt), width: 24 },
  { header: "Password last changed", value: (u) => reported(u, u.passwordLastChangedAt), width: 24 },
  { header: "MFA", value: (u) => reported(u, u.mfaActive), width: 8 },
  ...keyColumns(0),
  ...keyColumns(1),
];

/** The IAM users list as CSV or XLSX, with the page's filters and sort (see listExportRoute). */
export const GET = listExportRoute({
  name: "iam-users",
  label: "IAM users",
  params: iamUserListParams,
  columns: COLUMNS,
  findPage: findIamUsers,
});
