import { CREDENTIAL_REPORT_COLUMNS, type CredentialReportRow } from "../aws";

const NA = "N/A";

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const text = (value: string | null) => value ?? NA;
const bool = (value: boolean | null) => (value === null ? NA : String(value));

/** The credential report CSV as AWS writes it (22 columns, `N/A` for unknowns), from parsed rows. */
export function writeCredentialReportCsv(rows: readonly CredentialReportRow[]): string {
  const lines = [CREDENTIAL_REPORT_COLUMNS.join(",")];
  for (const row of rows) {
    const [k1, k2] = row.accessKeys;
    const [c1, c2] = row.certificates;
    const cells = [
      row.user,
      row.arn,
      text(row.userCreatedAt),
      bool(row.passwordEnabled),
      text(row.passwordLastUsedAt),
      text(row.passwordLastChangedAt),
      text(row.passwordNextRotationAt),
      bool(row.mfaActive),
      ...[k1, k2].flatMap((k) => [
        String(k.active),
        text(k.lastRotatedAt),
        text(k.lastUsedAt),
        text(k.lastUsedRegion),
        text(k.lastUsedService),
      ]),
      ...[c1, c2].flatMap((c) => [String(c.active), text(c.lastRotatedAt)]),
    ];
    lines.push(cells.map(field).join(","));
  }
  return `${lines.join("\n")}\n`;
}
