import type { BuildMiddleware, HttpRequest } from "@smithy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimServer, type SimServer } from "@/lib/sim";
import { collectAwsManagedPolicies } from "./aws-managed-policies";
import { attachedAwsManagedPolicyArns } from "./aws-managed-policy-arns";
import { createClientPool, type ClientPool } from "./client-pool";
import { collectOrganization } from "./collect-organization";
import { CollectionLog } from "./collection-log";
import { COLLECTOR_ACTIONS } from "./required-actions";
import { collectServiceControlPolicies } from "./service-control-policies";
import { makeSimAwsConfig } from "./testing/sim-fixture";
import type { OrgInventory, OrgRoot } from "./types";

/** Asks the simulator to deny the matching requests (its `x-vigil-sim-fault` header), through the real SDK client. */
function denyWhere(
  client: { middlewareStack: { add(m: BuildMiddleware<object, object>, o: object): void } },
  when: (command: string, input: Record<string, unknown>) => boolean,
) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (when(context.commandName ?? "", args.input as Record<string, unknown>)) {
        (args.request as HttpRequest).headers["x-vigil-sim-fault"] = "access-denied";
      }
      return next(args);
    },
    { step: "build", name: "denyForTest" },
  );
}

describe("SCP and AWS-managed policy collection against the demo scenario", () => {
  let sim: SimServer;
  let inventory: OrgInventory;
  let roots: OrgRoot[];
  const pools: ClientPool[] = [];
  const newPool = () => {
    const pool = createClientPool(makeSimAwsConfig(sim.url, { ssoRegion: sim.state.identityCenter.instance.homeRegion }));
    pools.push(pool);
    return pool;
  };

  beforeAll(async () => {
    sim = await startSimServer({ scenario: "demo", port: 0 });
    inventory = await collectOrganization(makeSimAwsConfig(sim.url, { ssoRegion: sim.state.identityCenter.instance.homeRegion }));
    roots = inventory.roots;
  }, 120_000);
  afterAll(async () => {
    for (const pool of pools) pool.destroy();
    await sim?.close();
  });

  it("reads every SCP with its document and targets, once per policy", () => {
    expect(inventory.errors).toEqual([]);
    expect(inventory.coverage.serviceControlPolicies).toBe("COLLECTED");
    const expected = sim.state.serviceControlPolicies;
    expect(inventory.serviceControlPolicies.map((p) => p.id)).toEqual(expected.map((p) => p.id).sort());
    for (const policy of expected) {
      const got = inventory.serviceControlPolicies.find((p) => p.id === policy.id)!;
      expect(got.document).toEqual(JSON.parse(policy.content));
      expect(got.rawDocument).toBe(policy.content);
      expect(got.awsManaged).toBe(policy.awsManaged);
      expect(got.targets.map((t) => t.targetId)).toEqual([...policy.targetIds].sort());
    }
    expect(inventory.serviceControlPolicies.find((p) => p.id === "p-FullAWSAccess")?.targets.some((t) => t.type === "ROOT")).toBe(true);
    expect(inventory.stats.apiCallsByAction["organizations:DescribePolicy"]).toBe(expected.length);
    expect(inventory.stats.apiCallsByAction["organizations:ListTargetsForPolicy"]).toBeGreaterThanOrEqual(expected.length);
  });

  it("reads the default version of each attached AWS-managed policy once, through the management account", () => {
    expect(inventory.coverage.awsManagedPolicies).toBe("COLLECTED");
    const arns = attachedAwsManagedPolicyArns(inventory.iamByAccount, inventory.identityCenter);
    expect(arns).toContain("arn:aws:iam::aws:policy/AdministratorAccess");
    expect(inventory.awsManagedPolicies.map((p) => p.arn)).toEqual(arns);
    expect(inventory.stats.apiCallsByAction["iam:GetPolicy"]).toBe(arns.length);
    expect(inventory.stats.apiCallsByAction["iam:GetPolicyVersion"]).toBe(arns.length);
    const admin = inventory.awsManagedPolicies.find((p) => p.name === "AdministratorAccess");
    expect(admin).toMatchObject({ path: "/", source: "iam", versionId: expect.stringMatching(/^v\d+$/) });
    expect(admin?.document?.Statement).toEqual([{ Effect: "Allow", Action: "*", Resource: "*" }]);
    for (const action of Object.keys(inventory.stats.apiCallsByAction)) expect(COLLECTOR_ACTIONS).toContain(action);
  });

  it("SCPs not enabled on any root: nothing applies, a complete empty answer without a call", async () => {
    const pool = newPool();
    const disabled = roots.map((r) => ({ ...r, policyTypes: [] }));
    const result = await collectServiceControlPolicies(pool.organizations(), disabled, { log: new CollectionLog(), concurrency: 4 });
    expect(result).toEqual({ policies: [], status: "COLLECTED" });
    expect(pool.stats.apiCallsByAction).toEqual({});
  });

  it("ListPolicies denied: FAILED with the error recorded", async () => {
    const pool = newPool();
    const client = pool.organizations();
    denyWhere(client, (command) => command === "ListPoliciesCommand");
    const log = new CollectionLog();
    const result = await collectServiceControlPolicies(client, roots, { log, concurrency: 4 });
    expect(result).toEqual({ policies: [], status: "FAILED" });
    expect(log.errors).toEqual([
      expect.objectContaining({ service: "organizations", operation: "ListPolicies", code: "AccessDeniedException" }),
    ]);
  });

  it("one policy's targets denied: PARTIAL, that policy left out, the others read", async () => {
    const pool = newPool();
    const client = pool.organizations();
    const victim = sim.state.serviceControlPolicies[0]!;
    denyWhere(client, (command, input) => command === "ListTargetsForPolicyCommand" && input.PolicyId === victim.id);
    const log = new CollectionLog();
    const result = await collectServiceControlPolicies(client, roots, { log, concurrency: 4 });
    expect(result.status).toBe("PARTIAL");
    expect(result.policies.map((p) => p.id)).not.toContain(victim.id);
    expect(result.policies).toHaveLength(sim.state.serviceControlPolicies.length - 1);
    expect(log.errors).toEqual([expect.objectContaining({ operation: "ListTargetsForPolicy", code: "AccessDeniedException" })]);
  });

  it("GetPolicy denied: FAILED with the errors recorded; one ARN denied: PARTIAL", async () => {
    const mgmt = sim.state.organization.managementAccountId;
    const arns = ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"];
    const denied = newPool();
    const deniedIam = denied.iam(mgmt, denied.baseCredentials);
    denyWhere(deniedIam, (command) => command === "GetPolicyCommand");
    const log = new CollectionLog();
    expect(await collectAwsManagedPolicies(deniedIam, arns, { log, concurrency: 4, accountId: mgmt })).toEqual({
      policies: [],
      status: "FAILED",
    });
    expect(log.errors).toHaveLength(2);
    expect(log.errors[0]).toMatchObject({ accountId: mgmt, service: "iam", operation: "GetPolicy", code: "AccessDenied" });

    const partial = newPool();
    const partialIam = partial.iam(mgmt, partial.baseCredentials);
    denyWhere(partialIam, (command, input) => command === "GetPolicyVersionCommand" && input.PolicyArn === arns[1]);
    const result = await collectAwsManagedPolicies(partialIam, [...arns, arns[0]!], { log: new CollectionLog(), concurrency: 4 });
    expect(result.status).toBe("PARTIAL");
    expect(result.policies.map((p) => p.arn)).toEqual([arns[0]]);
    expect(partial.stats.apiCallsByAction["iam:GetPolicy"]).toBe(2);
  });
});
