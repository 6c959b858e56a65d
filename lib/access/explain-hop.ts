import type { IamRole, OrgInventory, PermissionSet } from "../aws";
import { principalsOf, statementCoversAction, statementsOf, type PolicyStatement } from "../policy";
import {
  ASSUME_ROLE,
  assumeStatements,
  roleIdentityDocuments,
  scpDocumentsOver,
  unmetCallerCondition,
  type CallerFacts,
  type NamedDocument,
} from "./explain-documents";
import { conditionFix, identityFix, scpFix, trustFix } from "./explain-fixes";
import type { MissingLink } from "./explain-types";

/** The principal a hop starts from: a role session (reserved or not) or an IAM user. */
export interface HopSource {
  facts: CallerFacts;
  label: string;
  role: IamRole | null;
  /** the permission set behind a reserved role */
  permissionSet: PermissionSet | null;
  /** identity policies of an IAM user (roles' are read from the role) */
  userDocuments?: NamedDocument[];
}

export interface HopDiagnosis {
  /** whether the trust names the source (its ARN, its account, or everyone) */
  trustNames: boolean;
  missing: MissingLink;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** How a trust statement reaches the caller: by its ARN, through its account or `*`, or not at all. */
function reaches(statement: PolicyStatement, caller: CallerFacts): "named" | "account" | null {
  const { negated, principals } = principalsOf(statement);
  const hit = (p: (typeof principals)[number]): "named" | "account" | null => {
    if (p.type === "*" || p.aws?.kind === "any") return "account";
    if (p.aws?.kind === "account") return p.aws.accountId === caller.accountId ? "account" : null;
    if ((p.aws?.kind === "role" || p.aws?.kind === "user") && p.aws.arn === caller.arn) return "named";
    return null;
  };
  if (negated) return principals.some((p) => hit(p) !== null) ? null : "account";
  const found = principals.map(hit);
  return found.includes("named") ? "named" : found.includes("account") ? "account" : null;
}

/**
 * Why the source cannot assume the target, checked in the order a request meets them: the trust
 * names the caller, its caller-key conditions hold, the caller's identity policy allows it (needed
 * across accounts, or when the trust names only the account), no SCP over the caller denies it.
 */
export function diagnoseHop(state: OrgInventory, source: HopSource, target: IamRole, instanceArn: string | null): HopDiagnosis {
  const caller = source.facts;
  const trustSource = `trust policy of ${target.arn}`;
  const allows = statementsOf(target.trustPolicy).filter((s) => s.Effect === "Allow" && statementCoversAction(s, ASSUME_ROLE));
  const naming = allows.map((statement) => ({ statement, how: reaches(statement, caller) })).filter((e) => e.how !== null);
  if (naming.length === 0) {
    return {
      trustNames: false,
      missing: {
        code: "TRUST_DOES_NOT_NAME",
        summary: `The trust policy of ${target.roleName} does not name ${source.label} (${caller.arn}), nor its account ${caller.accountId}.`,
        fragment: { source: trustSource, json: json(allows.length > 0 ? allows : (target.trustPolicy ?? {})) },
        fix: trustFix(target, caller.arn),
      },
    };
  }
  const met = naming.filter((e) => unmetCallerCondition(e.statement, caller) === null);
  if (met.length === 0) {
    const first = naming[0]!;
    const unmet = unmetCallerCondition(first.statement, caller)!;
    const actual = callerValueShown(unmet.key, caller);
    return {
      trustNames: true,
      missing: {
        code: "CONDITION_NOT_MET",
        summary: `${target.roleName}'s trust names ${source.label}'s account but its condition ${unmet.operator} ${unmet.key} = ${unmet.values.join(" | ")} is not met (${actual === null ? "the caller has none" : `the caller's ${unmet.key} is ${actual}`}).`,
        fragment: { source: trustSource, json: json(first.statement) },
        fix: conditionFix(target, unmet.key, unmet.values, actual),
      },
    };
  }
  const sameAccount = caller.accountId === target.accountId;
  const needsIdentity = !sameAccount || met.every((e) => e.how !== "named");
  if (needsIdentity) {
    const documents = source.userDocuments ?? (source.role ? roleIdentityDocuments(state, source.role) : []);
    const allowed = assumeStatements(documents, "Allow", target.arn);
    if (allowed.length === 0) {
      const empty = documents.length === 0;
      const where = source.permissionSet ? `permission set ${source.permissionSet.name}` : source.label;
      return {
        trustNames: true,
        missing: {
          code: "IDENTITY_LACKS_ASSUME",
          summary: `${where} has ${empty ? "no policy at all" : `no identity policy allowing sts:AssumeRole on ${target.arn} (${documents.map((d) => d.source).join(", ")})`}; ${sameAccount ? "the trust names only the account, so" : "across accounts"} the caller's own policy must allow it.`,
          fragment: {
            source: empty ? `policies of ${where}` : documents.map((d) => d.source).join(", "),
            json: json(empty ? [] : documents.map((d) => ({ source: d.source, Statement: statementsOf(d.document) })).slice(0, 3)),
          },
          fix: identityFix(target.arn, source.permissionSet, instanceArn, source.role?.roleName ?? source.label),
        },
      };
    }
  }
  for (const scp of scpDocumentsOver(state, caller.accountId)) {
    const denies = assumeStatements([scp], "Deny", target.arn).filter((d) => unmetCallerCondition(d.statement, caller) === null);
    const [deny] = denies;
    if (!deny) continue;
    const id = /\((p-[^)]+)\)$/.exec(scp.source)?.[1] ?? "";
    const name = scp.source.replace(/^SCP /, "").replace(/ \(p-[^)]+\)$/, "");
    return {
      trustNames: true,
      missing: {
        code: "SCP_DENIES",
        summary: `SCP ${name} over account ${caller.accountId} denies sts:AssumeRole on ${target.arn}${deny.statement.Sid ? ` (statement ${deny.statement.Sid})` : ""}.`,
        fragment: { source: scp.source, json: json(deny.statement) },
        fix: scpFix(name, id, deny.statement, caller.arn),
      },
    };
  }
  return {
    trustNames: true,
    missing: {
      code: "UNDECIDED",
      summary: `The trust names ${source.label}, its conditions hold and no SCP read here denies it, yet the evaluator did not allow the hop: look at ${source.label}'s permissions boundary and any Deny in its identity policies.`,
      fragment: { source: trustSource, json: json(met[0]!.statement) },
      fix: { text: "Check the caller's permissions boundary and identity Deny statements for sts:AssumeRole.", cli: null, terraform: null },
    },
  };
}

function callerValueShown(key: string, caller: CallerFacts): string | null {
  const lower = key.toLowerCase();
  if (lower === "aws:principalarn") return caller.arn;
  if (lower === "aws:principalaccount") return caller.accountId;
  if (lower === "aws:principalorgid") return caller.orgId;
  if (lower.startsWith("aws:principaltag/")) return caller.tags[key.slice("aws:principaltag/".length)] ?? null;
  return null;
}
