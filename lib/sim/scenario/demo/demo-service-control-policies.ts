import type { ScenarioSpec } from "../scenario-spec";

type ScpSpec = NonNullable<ScenarioSpec["organization"]["serviceControlPolicies"]>[number];

/** Guardrails an organization like Acme's runs, besides AWS's FullAWSAccess. */
export const DEMO_SERVICE_CONTROL_POLICIES: ScpSpec[] = [
  {
    name: "DenyLeaveOrganization",
    description: "Member accounts may not leave the organization",
    document: {
      Version: "2012-10-17",
      Statement: [{ Sid: "DenyLeave", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }],
    },
    targets: ["root"],
  },
  {
    name: "ProtectAuditRole",
    description: "Only OrganizationAccountAccessRole may change the Vigil audit role",
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "ProtectVigilAuditRole",
          Effect: "Deny",
          Action: [
            "iam:AttachRolePolicy",
            "iam:DeleteRole",
            "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy",
            "iam:PutRolePolicy",
            "iam:UpdateAssumeRolePolicy",
          ],
          Resource: "arn:aws:iam::*:role/VigilAuditRole",
          Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole" } },
        },
      ],
    },
    targets: ["root"],
  },
  {
    // Developers' accounts: a trust that lets PowerUserAccess sessions into SandboxAdmin is refused here.
    name: "DenyAdminRoleAssumption",
    description: "No assuming administrator roles from developer accounts",
    document: {
      Version: "2012-10-17",
      Statement: [{ Sid: "DenyAssumeAdminRoles", Effect: "Deny", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/*Admin*" }],
    },
    targets: ["ou:Sandbox", "ou:Workloads/Dev"],
  },
];
