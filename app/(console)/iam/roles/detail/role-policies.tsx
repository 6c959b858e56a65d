import type { IamRoleDetail } from "@/lib/inventory";
import { JsonViewer } from "../../../_components/json-viewer";
import { ManagedPolicyList } from "../../../_components/managed-policy-list";
import { Section } from "../../../_components/page-header";

/** The role's permissions: attached managed policies by ARN, inline policies in full. */
export function RolePolicies({ role }: { role: IamRoleDetail }) {
  return (
    <>
      <Section title={`Attached managed policies (${role.attachedManagedPolicies.length})`}>
        <ManagedPolicyList policies={role.attachedManagedPolicies} />
      </Section>
      <Section title={`Inline policies (${role.inlinePolicies.length})`}>
        {role.inlinePolicies.length === 0 ? <p>None.</p> : null}
        {role.inlinePolicies.map((policy) => (
          <details key={policy.name} open={role.inlinePolicies.length <= 3}>
            <summary>{policy.name}</summary>
            <JsonViewer value={policy.document} raw={policy.rawDocument} label={`inline policy ${policy.name}`} />
          </details>
        ))}
      </Section>
    </>
  );
}
