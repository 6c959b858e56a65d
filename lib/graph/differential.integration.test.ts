import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectOrganization, type OrgInventory } from "../aws";
import { makeSimAwsConfig } from "../aws/testing/sim-fixture";
import { startSimServer, type SimServer } from "../sim";
import { simClientConfig, TEST_NOW } from "../sim/testing/sim-client-config";
import { readSnapshotState, takeSnapshot } from "../snapshot";
import { useTestDatabase } from "../testing/use-test-database";
import { buildTrustGraph, type GraphEdge, type TrustGraph } from ".";

/**
 * The graph against the simulator's own AssumeRole (trust policy + SCPs, no identity policies) on
 * the demo organization: every unconditional can-assume edge of an organization principal is an
 * AssumeRole that succeeds; pairs the trust policy or an SCP refuses are AssumeRoles that fail.
 */
const database = useTestDatabase();
const CALLER_KINDS = new Set(["IAM_ROLE", "RESERVED_ROLE", "IAM_USER"]);
let sim: SimServer;
let state: OrgInventory;
let graph: TrustGraph;
/** the graph as if every principal's identity allowed everything: what trust + SCPs alone decide */
let open: TrustGraph;
/** the same without SCPs: what the trust policy alone decides */
let trustOnly: TrustGraph;
let keyNumber = 0;

function openIdentity(inventory: OrgInventory, withScps: boolean): OrgInventory {
  const copy = structuredClone(inventory);
  const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
  for (const iam of Object.values(copy.iamByAccount)) {
    for (const principal of [...iam.roles, ...iam.users]) {
      principal.inlinePolicies = [{ name: "allow-all", document: allowAll, rawDocument: JSON.stringify(allowAll) }];
      principal.attachedManagedPolicies = [];
      principal.permissionsBoundaryArn = null;
    }
    for (const user of iam.users) user.groupNames = [];
  }
  if (!withScps) delete copy.coverage.serviceControlPolicies;
  return copy;
}

const callerEdges = (g: TrustGraph) =>
  g.edges.filter((e) => e.kind === "CAN_ASSUME" && e.action === "sts:AssumeRole" && CALLER_KINDS.has(g.nodes.get(e.from)?.kind ?? ""));
const pairKey = (e: Pick<GraphEdge, "from" | "to">) => `${e.from} -> ${e.to}`;

/** AssumeRole through the real SDK as the principal (a key the simulator binds to it). */
async function assumeAs(from: string, to: string): Promise<string> {
  const node = graph.nodes.get(from)!;
  const accessKeyId = `AKIAVIGILDIFF${String(++keyNumber).padStart(7, "0")}`;
  sim.admin.registerCredential({
    accessKeyId,
    accountId: node.accountId!,
    ...(node.kind === "IAM_USER" ? { userName: node.label } : { roleName: node.label }),
  });
  const sts = new STSClient(simClientConfig(sim, { credentials: { accessKeyId, secretAccessKey: "differential" }, region: "us-east-1" }));
  try {
    await sts.send(new AssumeRoleCommand({ RoleArn: to, RoleSessionName: "vigil-differential" }));
    return "allowed";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  } finally {
    sts.destroy();
  }
}

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0, now: TEST_NOW });
  const result = await takeSnapshot(database.db, {
    source: "LIVE",
    collect: (onProgress) => collectOrganization(makeSimAwsConfig(sim.url), { onProgress }),
  });
  state = await readSnapshotState(database.db, result.id);
  expect(state.coverage.serviceControlPolicies).toBe("COLLECTED");
  graph = await buildTrustGraph(state, { snapshotId: result.id });
  open = await buildTrustGraph(openIdentity(state, true));
  trustOnly = await buildTrustGraph(openIdentity(state, false));
}, 120_000);
afterAll(async () => {
  await sim?.close();
});

describe("differential: the graph against the simulator's AssumeRole", () => {
  it("every unconditional can-assume edge from a principal with credentials succeeds", async () => {
    const edges = callerEdges(graph).filter((e) => !e.conditional);
    expect(edges.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const edge of edges) {
      const outcome = await assumeAs(edge.from, edge.to);
      if (outcome !== "allowed") failures.push(`${pairKey(edge)}: ${outcome}`);
    }
    expect(failures).toEqual([]);
  });

  it("what trust and SCPs allow (identity aside) the simulator allows too", async () => {
    const edges = callerEdges(open).filter((e) => !e.conditional);
    const failures: string[] = [];
    for (const edge of edges) {
      const outcome = await assumeAs(edge.from, edge.to);
      if (outcome !== "allowed") failures.push(`${pairKey(edge)}: ${outcome}`);
    }
    expect(failures).toEqual([]);
  });

  it("pairs an SCP refuses (the trust allows them) fail, with the SCP named as the reason", async () => {
    const allowed = new Set(callerEdges(open).map(pairKey));
    const refusedByScp = callerEdges(trustOnly).filter((e) => !e.conditional && !allowed.has(pairKey(e)));
    expect(refusedByScp.length).toBeGreaterThan(0);
    for (const edge of refusedByScp)
      expect(await assumeAs(edge.from, edge.to), pairKey(edge)).toMatch(/^AccessDenied: .*service control polic/);
  });

  it("a sample of pairs the trust policy refuses fail", async () => {
    const allowedByTrust = new Set(callerEdges(trustOnly).map(pairKey));
    const callers = [...graph.nodes.values()].filter((n) => CALLER_KINDS.has(n.kind));
    const targets = [...graph.nodes.values()].filter((n) => n.kind === "IAM_ROLE" || n.kind === "RESERVED_ROLE");
    const sample: Array<{ from: string; to: string }> = [];
    // Deterministic spread over targets and callers: every 7th target, two callers each.
    for (let t = 0; t < targets.length; t += 7) {
      for (let c = t % callers.length, picked = 0; picked < 2 && c < callers.length; c += 13) {
        const pair = { from: callers[c]!.id, to: targets[t]!.id };
        if (pair.from === pair.to || allowedByTrust.has(pairKey(pair))) continue;
        sample.push(pair);
        picked++;
      }
    }
    expect(sample.length).toBeGreaterThan(20);
    const allowedAnyway: string[] = [];
    for (const pair of sample) {
      const outcome = await assumeAs(pair.from, pair.to);
      if (!outcome.startsWith("AccessDenied")) allowedAnyway.push(`${pairKey(pair)}: ${outcome}`);
    }
    expect(allowedAnyway).toEqual([]);
  });
});
