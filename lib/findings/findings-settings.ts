import { env, type Env } from "../env";

/**
 * What the rules are told beyond the inventory: who is break-glass or automation, which
 * permission sets are proxies and what they reach, which accounts are sensitive. From lib/env
 * (README "Configuration"); tests build their own.
 */
export interface FindingSettings {
  /** IAM user names (or user ARNs) designated break-glass, besides the `vigil:purpose` tag */
  breakglassUsers: string[];
  /** IAM user names (or user ARNs) designated automation, besides the `vigil:purpose` tag */
  automationUsers: string[];
  /** glob (`*` any run of characters) a proxy permission set's name matches, case-sensitive as AWS names are */
  proxyPermissionSetPattern: string;
  /** permission set name → target role name, overriding the `-Proxy` suffix convention and the tag */
  proxyTargets: Record<string, string>;
  /** account tags that mark production: key (case-insensitive) → accepted values (case-insensitive) */
  sensitiveAccountTags: Record<string, string[]>;
  /** OU names (case-insensitive, any segment of the account's OU path) that mark production */
  sensitiveOuNames: string[];
  /** account ids always treated as sensitive */
  sensitiveAccountIds: string[];
  /** the management account counts as sensitive */
  managementAccountIsSensitive: boolean;
  /** longest session (seconds) a permission set may grant in a sensitive account */
  sensitiveSessionMaxSeconds: number;
}

export const DEFAULT_FINDING_SETTINGS: FindingSettings = {
  breakglassUsers: [],
  automationUsers: [],
  proxyPermissionSetPattern: "*-Proxy",
  proxyTargets: {},
  sensitiveAccountTags: { environment: ["production", "prod"] },
  sensitiveOuNames: ["prod", "production"],
  sensitiveAccountIds: [],
  managementAccountIsSensitive: true,
  sensitiveSessionMaxSeconds: 3600,
};

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `a=b,c=d` (already validated by lib/env) as a record. */
function pairs(value: string | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const entry of list(value)) {
    const at = entry.indexOf("=");
    record[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return record;
}

/** `key=v1|v2,key2=v3` as key → values, keys and values lower-cased. */
function tagMatchers(value: string): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(pairs(value))) {
    record[key.toLowerCase()] = values
      .split("|")
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
  }
  return record;
}

export function getFindingSettings(source: Env = env()): FindingSettings {
  return {
    breakglassUsers: list(source.VIGIL_BREAKGLASS_USERS),
    automationUsers: list(source.VIGIL_AUTOMATION_USERS),
    proxyPermissionSetPattern: source.VIGIL_PROXY_PERMISSION_SET_PATTERN,
    proxyTargets: pairs(source.VIGIL_PROXY_TARGETS),
    sensitiveAccountTags: tagMatchers(source.VIGIL_SENSITIVE_ACCOUNT_TAGS),
    sensitiveOuNames: list(source.VIGIL_SENSITIVE_OU_NAMES).map((name) => name.toLowerCase()),
    sensitiveAccountIds: list(source.VIGIL_SENSITIVE_ACCOUNT_IDS),
    managementAccountIsSensitive: source.VIGIL_SENSITIVE_MANAGEMENT_ACCOUNT,
    sensitiveSessionMaxSeconds: DEFAULT_FINDING_SETTINGS.sensitiveSessionMaxSeconds,
  };
}
