import { Mono } from "./page-header";

/** Managed policies by name and ARN (role attachments, permission-set AWS-managed policies). */
export function ManagedPolicyList({ policies }: { policies: ReadonlyArray<{ name: string; arn: string }> }) {
  if (!policies.length) return <p>None.</p>;
  return (
    <ul>
      {policies.map((policy) => (
        <li key={policy.arn}>
          {policy.name} <Mono>{policy.arn}</Mono>
        </li>
      ))}
    </ul>
  );
}
