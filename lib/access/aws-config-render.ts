import type { AwsConfigProfile } from "./aws-config-profiles";

/** Where the sso-session's values came from; a note is written as a comment at the top of the file. */
export interface AwsConfigSsoSession {
  name: string;
  startUrl: string;
  region: string;
  /** e.g. "sso_start_url is a placeholder: set VIGIL_SSO_START_URL" */
  notes: string[];
}

export interface AwsConfigDocument {
  /** first comment lines (who it is for, which snapshot) */
  header: string[];
  session: AwsConfigSsoSession;
  profiles: readonly AwsConfigProfile[];
  /** the profiles' `region` */
  region: string;
  /** `role_session_name` of chained profiles (the person's user name, cut to what STS accepts) */
  roleSessionName: string | null;
}

// A value must be one printable, space-free ASCII token: nothing that could end the line or start a section.
const INI_VALUE = /^[\x21-\x7e]{1,2048}$/;
const ACCOUNT_ID = /^\d{12}$/;
const SESSION_NAME_CHARS = /[^\w+=,.@-]/g;

/**
 * The text of an AWS CLI v2 config file: one `[sso-session]`, then `[profile …]` sections. Every
 * value is checked to be one printable token; a profile with a value that is not (a hostile or
 * corrupt name) is left out and said so in a comment, never written half-escaped.
 */
export function renderAwsConfig(doc: AwsConfigDocument): string {
  const lines: string[] = [...doc.header, ...doc.session.notes].map(comment);
  const sessionValues = { sso_start_url: doc.session.startUrl, sso_region: doc.session.region };
  const bad = Object.entries(sessionValues).filter(([, v]) => !INI_VALUE.test(v));
  if (bad.length > 0 || !INI_VALUE.test(doc.session.name)) {
    throw new Error(`the sso-session cannot be written: ${bad.map(([k]) => k).join(", ") || "its name"} is not a single token`);
  }
  lines.push(
    "",
    `[sso-session ${doc.session.name}]`,
    `sso_start_url = ${doc.session.startUrl}`,
    `sso_region = ${doc.session.region}`,
    "sso_registration_scopes = sso:account:access",
  );
  const skipped: string[] = [];
  const written = new Set<string>();
  const region = INI_VALUE.test(doc.region) ? doc.region : null;
  const sessionName = roleSessionName(doc.roleSessionName);
  for (const profile of doc.profiles) {
    const values: Array<[string, string]> =
      profile.kind === "sso"
        ? [
            ["sso_session", doc.session.name],
            ["sso_account_id", profile.accountId],
            ["sso_role_name", profile.permissionSet],
          ]
        : [
            ["source_profile", profile.sourceProfile],
            ["role_arn", profile.roleArn],
            ["role_session_name", sessionName],
          ];
    if (region) values.push(["region", region]);
    const writable =
      INI_VALUE.test(profile.name) &&
      ACCOUNT_ID.test(profile.accountId) &&
      values.every(([, v]) => INI_VALUE.test(v)) &&
      (profile.kind === "sso" || written.has(profile.sourceProfile));
    if (!writable) {
      skipped.push(profile.kind === "sso" ? `${profile.accountId} / ${profile.permissionSet}` : profile.roleArn);
      continue;
    }
    written.add(profile.name);
    lines.push("", ...describe(profile).map(comment), `[profile ${profile.name}]`, ...values.map(([k, v]) => `${k} = ${v}`));
  }
  if (skipped.length > 0) lines.push("", comment(`left out (a name or value that cannot be written safely): ${skipped.join("; ")}`));
  return `${lines.join("\n")}\n`;
}

function describe(profile: AwsConfigProfile): string[] {
  const account = profile.accountName ? `${profile.accountName} (${profile.accountId})` : profile.accountId;
  if (profile.kind === "sso") {
    const note = profile.provisioned ? "" : " (not provisioned there in the snapshot: sign-in fails until it is)";
    return [`${account}: permission set ${profile.permissionSet}${note}`];
  }
  const lines = [`${account}: role ${profile.roleName}, assumed from profile ${profile.sourceProfile}`];
  for (const c of profile.conditions) lines.push(`holds only when ${c.key} ${c.operator} ${c.values.join(", ")} (${c.policy} policy)`);
  return lines;
}

/** One comment line: control characters and anything outside printable ASCII become `?`, cut to 300 characters. */
function comment(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, "?");
  return `# ${clean.length > 300 ? `${clean.slice(0, 299)}…`.replace(/[^\x20-\x7e]/g, "") : clean}`;
}

/** STS's RoleSessionName: 2–64 characters of `[\w+=,.@-]`. */
function roleSessionName(userName: string | null): string {
  const cleaned = (userName ?? "").replace(SESSION_NAME_CHARS, "-").slice(0, 64);
  return cleaned.length >= 2 ? cleaned : "vigil";
}
