import { asList, type PolicyStatement } from "./statements";

export type PrincipalType = "AWS" | "Service" | "Federated" | "CanonicalUser";

/** What one `AWS` principal value names (IAM's forms: ARN, account root, bare account id, unique id, `*`). */
export type AwsPrincipal =
  | { kind: "any" }
  | { kind: "account"; accountId: string; form: "root-arn" | "bare-id" }
  | { kind: "role"; arn: string; accountId: string; name: string }
  | { kind: "user"; arn: string; accountId: string; name: string }
  | { kind: "assumed-role"; arn: string; accountId: string; roleName: string; sessionName: string }
  | { kind: "sts-federated-user"; arn: string; accountId: string }
  | { kind: "unique-id"; id: string; prefix: string }
  | { kind: "unrecognized"; value: string };

/** One principal named by a statement's `Principal` (or `NotPrincipal`). */
export interface NamedPrincipal {
  type: PrincipalType | "*";
  value: string;
  /** set for `type: "AWS"` (and `*`) */
  aws?: AwsPrincipal;
}

export interface StatementPrincipals {
  /** true when the statement uses `NotPrincipal`: it applies to everyone except these */
  negated: boolean;
  principals: NamedPrincipal[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[\w-]+:iam::(\d{12}):root$/;
const IAM_ARN = /^arn:[\w-]+:iam::(\d{12}):(role|user)(\/(?:.*\/)?)?([^/]+)$/;
const ASSUMED_ROLE_ARN = /^arn:[\w-]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;
const FEDERATED_USER_ARN = /^arn:[\w-]+:sts::(\d{12}):federated-user\/.+$/;
// A principal replaced by its unique id means it was deleted (IAM shows AROA… / AIDA… instead of the ARN).
const UNIQUE_ID = /^(AROA|AIDA|AGPA|ANPA|AIPA|ASIA|AKIA)[A-Z0-9]{12,}$/;

export function classifyAwsPrincipal(value: string): AwsPrincipal {
  if (value === "*") return { kind: "any" };
  if (ACCOUNT_ID.test(value)) return { kind: "account", accountId: value, form: "bare-id" };
  const root = ROOT_ARN.exec(value);
  if (root?.[1]) return { kind: "account", accountId: root[1], form: "root-arn" };
  const iam = IAM_ARN.exec(value);
  if (iam?.[1] && iam[2] && iam[4]) {
    return iam[2] === "role"
      ? { kind: "role", arn: value, accountId: iam[1], name: iam[4] }
      : { kind: "user", arn: value, accountId: iam[1], name: iam[4] };
  }
  const assumed = ASSUMED_ROLE_ARN.exec(value);
  if (assumed?.[1] && assumed[2] && assumed[3])
    return { kind: "assumed-role", arn: value, accountId: assumed[1], roleName: assumed[2], sessionName: assumed[3] };
  const federated = FEDERATED_USER_ARN.exec(value);
  if (federated?.[1]) return { kind: "sts-federated-user", arn: value, accountId: federated[1] };
  const unique = UNIQUE_ID.exec(value);
  if (unique?.[1]) return { kind: "unique-id", id: value, prefix: unique[1] };
  return { kind: "unrecognized", value };
}

/** The principals a statement names: `Principal` as `"*"`, or a map of type to string or array. */
export function principalsOf(statement: PolicyStatement): StatementPrincipals {
  const negated = statement.Principal === undefined && statement.NotPrincipal !== undefined;
  const element = negated ? statement.NotPrincipal : statement.Principal;
  if (element === "*") return { negated, principals: [{ type: "*", value: "*", aws: { kind: "any" } }] };
  if (typeof element !== "object" || element === null || Array.isArray(element)) return { negated, principals: [] };
  const principals: NamedPrincipal[] = [];
  for (const [type, values] of Object.entries(element as Record<string, unknown>)) {
    for (const value of asList(values)) {
      const named: NamedPrincipal = { type: type as PrincipalType, value };
      if (type === "AWS") named.aws = classifyAwsPrincipal(value);
      principals.push(named);
    }
  }
  return { negated, principals };
}
