import { describe, expect, it } from "vitest";
import { remediationText } from "./remediation-text";
import type { ReviewItemView } from "./review-types";

function makeItem(over: Partial<ReviewItemView>): ReviewItemView {
  return {
    id: 1,
    campaignId: 1,
    rowKey: "k",
    personKey: "arn:aws:iam::111122223333:user/ci",
    personName: "ci",
    personEmail: null,
    accountId: "111122223333",
    accountName: null,
    permissionSetName: null,
    permissionSetArn: null,
    roleArn: null,
    via: [],
    pathLabel: "",
    effectiveSessionSeconds: 3600,
    cappedByChaining: false,
    conditional: false,
    lastUsedAt: null,
    findings: [],
    change: "new",
    changeDetail: null,
    reviewerEmail: null,
    reviewerSource: "unassigned",
    decision: "revoke",
    decisionComment: "x",
    decidedByName: null,
    decidedAt: null,
    decisionPrefilled: false,
    revokeState: "pending",
    ...over,
  };
}

describe("remediationText", () => {
  it("quotes a hostile role name in the trust-policy command and keeps the comment on one line", () => {
    const role = "-R'$(touch pwned)";
    const item = makeItem({
      via: [
        { kind: "IAM_USER", id: "arn:aws:iam::111122223333:user/ci", label: "ci", arn: "arn:aws:iam::111122223333:user/ci" },
        { kind: "IAM_ROLE", id: "r", label: role, arn: `arn:aws:iam::111122223333:role/${role}` },
      ],
      roleArn: `arn:aws:iam::111122223333:role/${role}`,
    });
    const { awsCli, terraform } = remediationText(item, null);
    expect(awsCli).toContain(
      `aws iam update-assume-role-policy --role-name='-R'\\''$(touch pwned)' --policy-document file://trust-policy.json`,
    );
    expect(terraform).toContain("aws_iam_role");
  });

  it("removes a person from the group the path goes through, and names the group's assignment as the alternative", () => {
    const item = makeItem({
      personKey: "idc:d-1/u-1",
      permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1",
      permissionSetName: "Admin",
      via: [
        { kind: "IDC_USER", id: "idc-user:u-1", label: "alice", arn: null },
        { kind: "IDC_GROUP", id: "idc-group:g 1; rm", label: '=HYPERLINK("x")\nnext', arn: null },
        { kind: "PERMISSION_SET", id: "permission-set:x", label: "Admin", arn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1" },
      ],
    });
    const { awsCli, terraform } = remediationText(item, null);
    expect(awsCli).toContain("aws identitystore delete-group-membership");
    expect(awsCli).toContain(
      "aws sso-admin delete-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-1 --target-id 111122223333 --target-type AWS_ACCOUNT --permission-set-arn arn:aws:sso:::permissionSet/ssoins-1/ps-1 --principal-type GROUP --principal-id 'g 1; rm'",
    );
    // the group's hostile display name stays inside its comment line
    for (const line of awsCli.split("\n")) expect(line.startsWith("#") || line.startsWith("aws ")).toBe(true);
    expect(terraform).toContain("aws_identitystore_group_membership");
  });
});
