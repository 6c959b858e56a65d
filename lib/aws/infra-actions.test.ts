import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AWS_ACTIONS } from "./required-actions";

const INFRA = resolve(import.meta.dirname, "../../infra");
const read = (path: string) => readFileSync(resolve(INFRA, path), "utf8");

const ACTION = /^[a-z0-9-]+:[A-Za-z*]+$/;

/** CloudFormation: statements split on `Sid:`; actions are the `- service:Action` items of each. */
function cfnStatements(yaml: string): Array<{ sid: string; actions: string[]; body: string }> {
  return yaml
    .split(/^\s*(?:- )?Sid: /m)
    .slice(1)
    .map((block) => ({
      sid: block.split("\n")[0]!.trim(),
      actions: [...block.matchAll(/^\s*- "?([^"\s]+)"?\s*$/gm)].map((m) => m[1]!).filter((a) => ACTION.test(a)),
      body: block,
    }));
}

/** Terraform: `statement` blocks; actions are the quoted strings inside `actions = [ … ]`. */
function tfStatements(hcl: string): Array<{ sid: string; actions: string[]; body: string }> {
  return hcl
    .split(/^\s*sid\s*=\s*/m)
    .slice(1)
    .map((block) => ({
      sid: /^"([^"]+)"/.exec(block)?.[1] ?? "",
      actions: [...(/actions\s*=\s*\[([^\]]*)\]/.exec(block)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
      body: block,
    }));
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe.each([
  { name: "CloudFormation StackSet", statements: () => cfnStatements(read("cloudformation/vigil-audit-role.stackset.yaml")) },
  { name: "Terraform module", statements: () => tfStatements(read("terraform/vigil-audit-role/main.tf")) },
])("audit role ($name)", ({ statements }) => {
  it("grants exactly the member-account read actions the collectors send, on any resource", () => {
    const read = statements().find((s) => s.sid === "ReadAccountIamAndSignIns");
    expect(sorted(read?.actions ?? [])).toEqual(sorted(AWS_ACTIONS.member));
  });

  it("grants the break-glass write actions only on the break-glass user", () => {
    const rotate = statements().find((s) => s.sid === "RotateBreakGlassUserOnly");
    expect(sorted(rotate?.actions ?? [])).toEqual(sorted(AWS_ACTIONS.breakGlass));
    expect(rotate?.body).toMatch(/:user\$\{(BreakGlassUserPath|var\.break_glass_user_path)\}/);
    expect(rotate?.body).not.toMatch(/Resource: "\*"|resources\s*=\s*\["\*"\]/);
  });

  it("trusts only the Vigil host, for sts:AssumeRole", () => {
    const trust = statements().find((s) => s.sid === "TrustVigilHost");
    expect(trust?.actions).toEqual(["sts:AssumeRole"]);
    expect(trust?.body).toMatch(/sts:ExternalId/);
  });

  it("contains no other statements", () => {
    expect(
      statements()
        .map((s) => s.sid)
        .sort(),
    ).toEqual(["ReadAccountIamAndSignIns", "RotateBreakGlassUserOnly", "TrustVigilHost"]);
  });
});

describe.each([
  { name: "CloudFormation", statements: () => cfnStatements(read("cloudformation/vigil-management-policy.yaml")) },
  { name: "Terraform", statements: () => tfStatements(read("terraform/vigil-management-policy/main.tf")) },
])("management-account policy ($name)", ({ statements }) => {
  it("grants exactly the management, member and host actions", () => {
    const bySid = Object.fromEntries(statements().map((s) => [s.sid, sorted(s.actions)]));
    expect(bySid).toEqual({
      ReadOrganizationAndIdentityCenter: sorted(AWS_ACTIONS.management),
      ReadManagementAccountIamAndSignIns: sorted(AWS_ACTIONS.member),
      AssumeAuditRoleInMemberAccounts: sorted(AWS_ACTIONS.host),
    });
  });
});
