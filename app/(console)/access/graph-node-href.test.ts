import { describe, expect, it } from "vitest";
import { graphNodeHref } from "./graph-node-href";

const node = (kind: string, id: string, extra: { label?: string; accountId?: string | null; arn?: string | null } = {}) =>
  ({ kind, id, label: extra.label ?? id, accountId: extra.accountId ?? null, arn: extra.arn ?? null }) as Parameters<
    typeof graphNodeHref
  >[0];

describe("graph node links", () => {
  it("roles (reserved ones too), IAM users, permission sets, groups, people and member accounts link to their inventory pages", () => {
    const role = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123";
    expect(graphNodeHref(node("RESERVED_ROLE", role, { arn: role }))).toBe(`/iam/roles/detail?arn=${encodeURIComponent(role)}`);
    expect(graphNodeHref(node("IAM_USER", "u", { arn: "arn:aws:iam::111122223333:user/ci", accountId: "111122223333" }))).toBe(
      "/iam/users/detail?arn=arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fci",
    );
    expect(graphNodeHref(node("IDC_GROUP", "idc-group:9067-abc"))).toBe("/identity-center/groups/9067-abc");
    expect(graphNodeHref(node("IDC_USER", "idc-user:u-1", { label: "jane" }))).toBe("/identity-center/users/u-1");
    expect(graphNodeHref(node("ACCOUNT", "account:111122223333", { accountId: "111122223333" }))).toBe("/accounts/111122223333");
  });

  it("outside accounts, services, federated providers and the wildcard have no inventory page", () => {
    for (const kind of ["EXTERNAL_ACCOUNT", "SERVICE", "FEDERATED_PROVIDER", "ANY_PRINCIPAL"]) {
      expect(graphNodeHref(node(kind, `${kind}:x`, { accountId: "444455556666" }))).toBeNull();
    }
  });
});
