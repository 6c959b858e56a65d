import type { PolicyDocument } from "@/lib/aws";
import type { TrustPolicyInWords } from "@/lib/policy";
import { Badge } from "./badges";
import { JsonViewer } from "./json-viewer";
import { Mono } from "./page-header";
import { PrincipalName } from "./principal-name";
import type { Query } from "./url";

/**
 * A role's trust policy read as "who can assume this": each statement's effect and meaning, its
 * principals by name (linked, outside ones marked), its conditions in words; the JSON one click away.
 */
export function TrustPolicyPrincipals({
  trust,
  document,
  query,
}: {
  trust: TrustPolicyInWords;
  document: PolicyDocument | null;
  query: Query;
}) {
  return (
    <div className="trust-policy" aria-label="who can assume this role">
      <p>
        Trusted by <strong>{trust.trustedBy}</strong>.
      </p>
      {trust.statements.length === 0 ? <p className="inv-muted">The trust policy has no statement: nobody can assume the role.</p> : null}
      <ol className="trust-statements">
        {trust.statements.map((statement, index) => (
          <li key={index}>
            <p>
              <Badge tone={statement.effect === "Deny" ? "warn" : "neutral"}>{statement.effect}</Badge>{" "}
              {statement.sid ? (
                <>
                  <Mono>{statement.sid}</Mono>{" "}
                </>
              ) : null}
              {statement.meaning}
            </p>
            {statement.principals.length ? (
              <ul aria-label={statement.exceptPrincipals ? "everyone except" : "principals"}>
                {statement.principals.map((principal, i) => (
                  <li key={i}>
                    <PrincipalName principal={principal} query={query} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="inv-muted">No principal is named: the statement applies to nobody.</p>
            )}
            {statement.conditions.length ? (
              <>
                <p>Only when:</p>
                <ul aria-label="conditions">
                  {statement.conditions.map((condition, i) => (
                    <li key={i} title={`${condition.operator} ${condition.key}`}>
                      {condition.text}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <details>
        <summary>Trust policy JSON</summary>
        <JsonViewer value={document} label="trust policy" />
      </details>
    </div>
  );
}
