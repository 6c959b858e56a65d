import { AwsResponseError } from "./aws-response-error";
import { parseCsv } from "./csv";
import type { AccessKeyActivity, CertificateActivity, CredentialReportRow, IsoDateTime } from "./types";

/** AWS's 22 columns (AWS-WIRE §2.6). Parsing is by header name, so added columns do not break us. */
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

type Column = (typeof CREDENTIAL_REPORT_COLUMNS)[number];

const PLACEHOLDERS = new Set(["N/A", "n/a", "no_information", "not_supported", ""]);
export const ROOT_USER = "<root_account>";

export class CredentialReportFormatError extends AwsResponseError {
  override name = "CredentialReportFormatError";
}

function text(value: string | undefined): string | null {
  return value === undefined || PLACEHOLDERS.has(value) ? null : value;
}

/** Docs say TRUE/FALSE, real reports say true/false. */
function bool(value: string | undefined): boolean | null {
  const v = text(value)?.toLowerCase();
  return v === "true" ? true : v === "false" ? false : null;
}

/** `2017-06-10T02:35:07+00:00` → `2017-06-10T02:35:07.000Z`; unparseable values become null. */
function date(value: string | undefined): IsoDateTime | null {
  const v = text(value);
  if (v === null) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ""));
  if (!header) return [];
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  for (const required of ["user", "arn"] as const) {
    if (!index.has(required)) throw new CredentialReportFormatError(`credential report has no "${required}" column`);
  }

  return rows.map((cells) => {
    const get = (column: Column) => {
      const i = index.get(column);
      return i === undefined ? undefined : cells[i];
    };
    const key = (n: 1 | 2): AccessKeyActivity => ({
      active: bool(get(`access_key_${n}_active`)) ?? false,
      lastRotatedAt: date(get(`access_key_${n}_last_rotated`)),
      lastUsedAt: date(get(`access_key_${n}_last_used_date`)),
      lastUsedRegion: text(get(`access_key_${n}_last_used_region`)),
      lastUsedService: text(get(`access_key_${n}_last_used_service`)),
    });
    const cert = (n: 1 | 2): CertificateActivity => ({
      active: bool(get(`cert_${n}_active`)) ?? false,
      lastRotatedAt: date(get(`cert_${n}_last_rotated`)),
    });
    const user = get("user") ?? "";
    const arn = get("arn") ?? "";
    return {
      key: arn,
      user,
      arn,
      isRoot: user === ROOT_USER,
      userCreatedAt: date(get("user_creation_time")),
      passwordEnabled: bool(get("password_enabled")),
      passwordLastUsedAt: date(get("password_last_used")),
      passwordLastChangedAt: date(get("password_last_changed")),
      passwordNextRotationAt: date(get("password_next_rotation")),
      mfaActive: bool(get("mfa_active")),
      accessKeys: [key(1), key(2)],
      certificates: [cert(1), cert(2)],
    };
  });
}
