import type { PermissionSetDetail } from "@/lib/inventory";
import { JsonViewer } from "../../_components/json-viewer";
import { ManagedPolicyList } from "../../_components/managed-policy-list";
import { Mono, Section } from "../../_components/page-header";

/** What the permission set grants: managed, customer-managed and inline policies, and its boundary. */
export function PermissionSetPolicies({ set }: { set: PermissionSetDetail }) {
  const boundary = set.permissionsBoundary;
  return (
    <>
      <Section title={`AWS-managed policies (${set.awsManagedPolicies.length})`}>
        <ManagedPolicyList policies={set.awsManagedPolicies} />
      </Section>
      <Section title={`Customer-managed policies (${set.customerManagedPolicies.length})`}>
        {set.customerManagedPolicies.length ? (
          <ul>
            {set.customerManagedPolicies.map((policy) => (
              <li key={`${policy.path}${policy.name}`}>
                <Mono>
                  {policy.path}
                  {policy.name}
                </Mono>{" "}
                <small className="inv-muted">(resolved in each provisioned account)</small>
              </li>
            ))}
          </ul>
        ) : (
          <p>None.</p>
        )}
      </Section>
      <Section title="Inline policy">
        {set.inlinePolicy ? (
          <JsonViewer value={set.inlinePolicy.document} raw={set.inlinePolicy.rawDocument} label="inline policy" />
        ) : (
          <p>None.</p>
        )}
      </Section>
      <Section title="Permissions boundary">
        {boundary?.managedPolicyArn ? (
          <Mono>{boundary.managedPolicyArn}</Mono>
        ) : boundary?.customerManagedPolicy ? (
          <Mono>
            {boundary.customerManagedPolicy.path}
            {boundary.customerManagedPolicy.name}
          </Mono>
        ) : (
          <p>None.</p>
        )}
      </Section>
    </>
  );
}
