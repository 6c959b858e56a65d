import type { ScpDraft } from "../build-service-control-policies";

const doc = (statement: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statement });

/** Common root-level guardrails, so benchmarks collect SCPs the way a real organization has them. */
export function scaleServiceControlPolicies(rootId: string): ScpDraft[] {
  return [
    {
      name: "DenyLeaveOrganization",
      description: "Member accounts may not leave the organization",
      content: doc([{ Sid: "DenyLeave", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }]),
      targetIds: [rootId],
    },
    {
      name: "DenyRootUser",
      description: "No actions as an account's root user",
      content: doc([
        {
          Sid: "DenyRoot",
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
        },
      ]),
      targetIds: [rootId],
    },
  ];
}
