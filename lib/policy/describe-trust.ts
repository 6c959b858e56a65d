import { parseReservedSsoArn } from "../aws";
import type { PolicyDocument } from "../aws";
import { conditionsOf } from "./conditions";
import { describeCondition, type ConditionInWords } from "./describe-condition";
import { principalsOf, type NamedPrincipal } from "./principals";
import { asList, statementsOf, type PolicyStatement } from "./statements";

/** What a trust policy is read against: the organization's accounts and permission sets. */
export interface TrustDirectory {
  /** every account of the organization, id → name; an account not here is outside the organization */
  accountNames: ReadonlyMap<string, string>;
  organizationId?: string | null;
  /** permission set name → ARN (names are unique within an Identity Center instance) */
  permissionSetArns?: ReadonlyMap<string, string>;
}

/** Where a principal lives, when it lives in an account. */
export interface PrincipalAccount {
  accountId: string;
  accountName: string | null;
  inOrganization: boolean;
}

/** One principal a trust statement names, as a reader would name it. */
export type TrustedPrincipal =
  | { kind: "anyone" }
  | ({ kind: "account" } & PrincipalAccount)
  | ({ kind: "role"; arn: string; name: string } & PrincipalAccount)
  | ({ kind: "permission-set"; roleArn: string; permissionSetName: string; permissionSetArn: string | null } & PrincipalAccount)
  | ({ kind: "user"; arn: string; name: string } & PrincipalAccount)
  /** an STS session: of a role (`roleName` set; `permissionSetName` when it is a reserved SSO role) or a federated user */
  | ({
      kind: "session";
      arn: string;
      name: string;
      roleName: string | null;
      permissionSetName: string | null;
      permissionSetArn: string | null;
    } & PrincipalAccount)
  | { kind: "service"; service: string }
  | {
      kind: "federated";
      provider: string;
      protocol: "saml" | "oidc";
      name: string;
      isIdentityCenter: boolean;
      account: PrincipalAccount | null;
    }
  | { kind: "web-identity"; provider: string }
  | { kind: "deleted"; id: string }
  | { kind: "canonical-user"; id: string }
  | { kind: "unrecognized"; type: string; value: string };

export type TrustedPrincipalKind = TrustedPrincipal["kind"];

export interface TrustStatementInWords {
  sid: string | null;
  effect: "Allow" | "Deny";
  /** NotPrincipal: the statement applies to everyone except `principals` */
  exceptPrincipals: boolean;
  principals: TrustedPrincipal[];
  /** the STS actions the statement covers (or, with `exceptActions`, does not) */
  actions: string[];
  exceptActions: boolean;
  /** every one must hold for the statement to apply */
  conditions: ConditionInWords[];
  /** one sentence: what the statement does */
  meaning: string;
}

export interface TrustPolicyInWords {
  statements: TrustStatementInWords[];
  /** "3 accounts, 1 permission set, 1 service" — who the Allow statements let in */
  trustedBy: string;
  /** principals of Allow statements in accounts outside the organization (and `*`) */
  outsideCount: number;
}

const SAML_PROVIDER = /^arn:[\w-]+:iam::(\d{12}):saml-provider\/(.+)$/;
const OIDC_PROVIDER = /^arn:[\w-]+:iam::(\d{12}):oidc-provider\/(.+)$/;
/** Identity Center's own SAML provider in each account (AWS-WIRE §3.3) */
const IDENTITY_CENTER_PROVIDER = /^AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/i;

function accountOf(accountId: string, directory: TrustDirectory): PrincipalAccount {
  const name = directory.accountNames.get(accountId);
  return { accountId, accountName: name ?? null, inOrganization: name !== undefined };
}

function describeAws(principal: NamedPrincipal, directory: TrustDirectory): TrustedPrincipal {
  const aws = principal.aws ?? { kind: "unrecognized" as const, value: principal.value };
  switch (aws.kind) {
    case "any":
      return { kind: "anyone" };
    case "account":
      return { kind: "account", ...accountOf(aws.accountId, directory) };
    case "role": {
      const reserved = parseReservedSsoArn(aws.arn);
      if (reserved) {
        return {
          kind: "permission-set",
          roleArn: aws.arn,
          permissionSetName: reserved.permissionSetName,
          permissionSetArn: directory.permissionSetArns?.get(reserved.permissionSetName) ?? null,
          ...accountOf(aws.accountId, directory),
        };
      }
      return { kind: "role", arn: aws.arn, name: aws.name, ...accountOf(aws.accountId, directory) };
    }
    case "user":
      return { kind: "user", arn: aws.arn, name: aws.name, ...accountOf(aws.accountId, directory) };
    case "assumed-role": {
      const reserved = parseReservedSsoArn(aws.arn);
      return {
        kind: "session",
        arn: aws.arn,
        name: `${aws.roleName}/${aws.sessionName}`,
        roleName: aws.roleName,
        permissionSetName: reserved?.permissionSetName ?? null,
        permissionSetArn: reserved ? (directory.permissionSetArns?.get(reserved.permissionSetName) ?? null) : null,
        ...accountOf(aws.accountId, directory),
      };
    }
    case "sts-federated-user":
      return {
        kind: "session",
        arn: aws.arn,
        name: aws.arn.split(":federated-user/")[1] ?? aws.arn,
        roleName: null,
        permissionSetName: null,
        permissionSetArn: null,
        ...accountOf(aws.accountId, directory),
      };
    case "unique-id":
      return { kind: "deleted", id: aws.id };
    case "unrecognized":
      return { kind: "unrecognized", type: "AWS", value: aws.value };
  }
}

function describeFederated(provider: string, directory: TrustDirectory): TrustedPrincipal {
  const saml = SAML_PROVIDER.exec(provider);
  if (saml?.[1] && saml[2]) {
    return {
      kind: "federated",
      provider,
      protocol: "saml",
      name: saml[2],
      isIdentityCenter: IDENTITY_CENTER_PROVIDER.test(saml[2]),
      account: accountOf(saml[1], directory),
    };
  }
  const oidc = OIDC_PROVIDER.exec(provider);
  if (oidc?.[1] && oidc[2]) {
    return {
      kind: "federated",
      provider,
      protocol: "oidc",
      name: oidc[2],
      isIdentityCenter: false,
      account: accountOf(oidc[1], directory),
    };
  }
  // cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com, www.amazon.com
  return { kind: "web-identity", provider };
}

/** One principal of a statement's `Principal` / `NotPrincipal`, named against the organization. */
export function describePrincipal(principal: NamedPrincipal, directory: TrustDirectory): TrustedPrincipal {
  switch (principal.type) {
    case "*":
      return { kind: "anyone" };
    case "AWS":
      return describeAws(principal, directory);
    case "Service":
      return { kind: "service", service: principal.value };
    case "Federated":
      return describeFederated(principal.value, directory);
    case "CanonicalUser":
      return { kind: "canonical-user", id: principal.value };
    default:
      return { kind: "unrecognized", type: String(principal.type), value: principal.value };
  }
}

/** Whether the principal is outside the organization (`*` is: it is everyone). */
export function isOutsideOrganization(principal: TrustedPrincipal): boolean {
  switch (principal.kind) {
    case "anyone":
      return true;
    case "account":
    case "role":
    case "permission-set":
    case "user":
    case "session":
      return !principal.inOrganization;
    case "federated":
      return principal.account !== null && !principal.account.inOrganization;
    default:
      return false;
  }
}

function meaningOf(statement: Omit<TrustStatementInWords, "meaning">): string {
  const who = statement.exceptPrincipals ? "everyone except the principals below" : "the principals below";
  const what = statement.actions.length ? statement.actions.join(", ") : "no action";
  const actions = statement.exceptActions ? `every action except ${what}` : what;
  const when = statement.conditions.length ? ", only when every condition holds" : "";
  if (statement.effect === "Deny") {
    const lead = statement.exceptPrincipals
      ? `Denies ${actions} to everyone except the principals below${when}: whatever other statements allow, only they can`
      : `Denies ${actions} to the principals below${when}; a Deny overrides any Allow`;
    return `${lead}.`;
  }
  const warning = statement.exceptPrincipals ? " (Allow with NotPrincipal opens the role to every principal not listed)" : "";
  return `Allows ${who} ${actions}${when}${warning}.`;
}

function describeStatement(statement: PolicyStatement, directory: TrustDirectory): TrustStatementInWords {
  const { negated, principals } = principalsOf(statement);
  const exceptActions = statement.Action === undefined && statement.NotAction !== undefined;
  const base = {
    sid: typeof statement.Sid === "string" && statement.Sid !== "" ? statement.Sid : null,
    effect: statement.Effect === "Deny" ? ("Deny" as const) : ("Allow" as const),
    exceptPrincipals: negated,
    principals: principals.map((p) => describePrincipal(p, directory)),
    actions: asList(exceptActions ? statement.NotAction : statement.Action),
    exceptActions,
    conditions: conditionsOf(statement).map((entry) => describeCondition(entry, { organizationId: directory.organizationId })),
  };
  return { ...base, meaning: meaningOf(base) };
}

const KIND_NOUNS: Array<[TrustedPrincipalKind, string, string]> = [
  ["anyone", "anyone", "anyone"],
  ["account", "account", "accounts"],
  ["permission-set", "permission set", "permission sets"],
  ["role", "role", "roles"],
  ["user", "user", "users"],
  ["session", "session", "sessions"],
  ["service", "service", "services"],
  ["federated", "identity provider", "identity providers"],
  ["web-identity", "web identity provider", "web identity providers"],
  ["deleted", "deleted principal", "deleted principals"],
  ["canonical-user", "canonical user", "canonical users"],
  ["unrecognized", "unrecognized principal", "unrecognized principals"],
];

function principalKey(principal: TrustedPrincipal): string {
  return `${principal.kind}:${JSON.stringify(principal)}`;
}

/**
 * A trust policy read as principals: each statement's principals named against the organization
 * (accounts by name, reserved SSO roles as their permission set, outside accounts marked), its
 * conditions in words, and a short "trusted by" line counting who the Allow statements let in.
 */
export function describeTrustPolicy(document: PolicyDocument | null | undefined, directory: TrustDirectory): TrustPolicyInWords {
  const statements = statementsOf(document).map((s) => describeStatement(s, directory));
  const allowed = new Map<string, TrustedPrincipal>();
  for (const statement of statements) {
    if (statement.effect !== "Allow") continue;
    // Allow + NotPrincipal lets in everyone not listed.
    const principals: TrustedPrincipal[] = statement.exceptPrincipals ? [{ kind: "anyone" }] : statement.principals;
    for (const principal of principals) allowed.set(principalKey(principal), principal);
  }
  const counts = new Map<TrustedPrincipalKind, number>();
  let outsideCount = 0;
  for (const principal of allowed.values()) {
    counts.set(principal.kind, (counts.get(principal.kind) ?? 0) + 1);
    if (isOutsideOrganization(principal)) outsideCount++;
  }
  const parts = KIND_NOUNS.flatMap(([kind, one, many]) => {
    const count = counts.get(kind) ?? 0;
    if (count === 0) return [];
    return kind === "anyone" ? [one] : [`${count} ${count === 1 ? one : many}`];
  });
  const outsideNote = outsideCount > 0 && !counts.has("anyone") ? ` (${outsideCount} outside the organization)` : "";
  return { statements, trustedBy: parts.length ? `${parts.join(", ")}${outsideNote}` : "nobody", outsideCount };
}
