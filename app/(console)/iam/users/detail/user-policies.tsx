import type { NamedPolicy } from "@/lib/aws";
import type { IamUserDetail } from "@/lib/inventory";
import { JsonViewer } from "../../../_components/json-viewer";
import { ManagedPolicyList } from "../../../_components/managed-policy-list";
import { Section } from "../../../_components/page-header";

function InlinePolicies({ policies }: { policies: readonly NamedPolicy[] }) {
  if (policies.length === 0) return <p>None.</p>;
  return (
    <>
      {policies.map((policy) => (
        <details key={policy.name} open={policies.length <= 3}>
          <summary>{policy.name}</summary>
          <JsonViewer value={policy.document} raw={policy.rawDocument} label={`inline policy ${policy.name}`} />
        </details>
      ))}
    </>
  );
}

/** The user's permissions: its own managed and inline policies, then each group's. */
export function UserPolicies({ user }: { user: IamUserDetail }) {
  return (
    <>
      <Section title={`Attached managed policies (${user.attachedManagedPolicies.length})`}>
        <ManagedPolicyList policies={user.attachedManagedPolicies} />
      </Section>
      <Section title={`Inline policies (${user.inlinePolicies.length})`}>
        <InlinePolicies policies={user.inlinePolicies} />
      </Section>
      <Section title={`Groups (${user.groups.length})`}>
        {user.groups.length === 0 ? <p className="inv-muted">Not in any IAM group.</p> : null}
        {user.groups.map((group) => (
          <details key={group.groupName} open={user.groups.length <= 2}>
            <summary>
              {group.groupName}
              {group.arn ? null : " (not in this snapshot)"}
            </summary>
            <p>Managed policies:</p>
            <ManagedPolicyList policies={group.attachedManagedPolicies} />
            <p>Inline policies:</p>
            <InlinePolicies policies={group.inlinePolicies} />
          </details>
        ))}
      </Section>
    </>
  );
}
