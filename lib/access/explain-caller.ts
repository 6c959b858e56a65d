import type { OrgInventory, PolicyDocument } from "../aws";
import type { NamedDocument } from "./explain-documents";

/** An IAM user's identity policies: inline, attached managed, and its groups'. */
export function explainUserDocuments(state: OrgInventory, userArn: string): NamedDocument[] {
  const accountId = /^arn:[\w-]+:iam::(\d{12}):/.exec(userArn)?.[1] ?? "";
  const iam = state.iamByAccount[accountId];
  const user = iam?.users.find((u) => u.arn === userArn);
  if (!iam || !user) return [];
  const managed = (arn: string): PolicyDocument | null =>
    state.awsManagedPolicies.find((p) => p.arn === arn)?.document ?? iam.policies.find((p) => p.arn === arn)?.document ?? null;
  const groups = iam.groups.filter((g) => user.groupNames.includes(g.groupName));
  return [
    ...user.inlinePolicies.map((p) => ({ source: `inline policy ${p.name} of ${user.userName}`, document: p.document })),
    ...user.attachedManagedPolicies.map((p) => ({ source: `managed policy ${p.name}`, document: managed(p.arn) })),
    ...groups.flatMap((g) => [
      ...g.inlinePolicies.map((p) => ({ source: `inline policy ${p.name} of group ${g.groupName}`, document: p.document })),
      ...g.attachedManagedPolicies.map((p) => ({ source: `managed policy ${p.name} (group ${g.groupName})`, document: managed(p.arn) })),
    ]),
  ];
}
