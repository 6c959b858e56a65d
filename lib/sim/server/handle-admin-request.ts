import type { IncomingMessage, ServerResponse } from "node:http";
import { prettifyError, ZodError } from "zod";
import type { AdminCallerInput } from "../admin/admin-inputs";
import type { SimAdmin } from "../admin/sim-admin";
import type { SimRuntime } from "./sim-runtime";

type Route = { method: string; pattern: RegExp; run: (match: string[], body: unknown) => unknown };

function json(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload ?? { ok: true });
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function summary(runtime: SimRuntime) {
  const s = runtime.state;
  return {
    scenario: s.scenarioName,
    now: s.now.toISOString(),
    regions: s.regions,
    organizationId: s.organization.id,
    managementAccountId: s.organization.managementAccountId,
    instanceArn: s.identityCenter.instance.instanceArn,
    identityStoreId: s.identityCenter.instance.identityStoreId,
    homeRegion: s.identityCenter.instance.homeRegion,
    accounts: s.accounts.map((a) => ({ id: a.id, name: a.name })),
    counts: {
      accounts: s.accounts.length,
      users: s.identityCenter.users.length,
      groups: s.identityCenter.groups.length,
      permissionSets: s.identityCenter.permissionSets.length,
      assignments: s.identityCenter.assignments.length,
    },
  };
}

/** The optional `caller` of a mutation's body; the mutation validates it. */
const callerOf = (body: unknown): AdminCallerInput | undefined =>
  typeof body === "object" && body !== null && "caller" in body ? (body.caller as AdminCallerInput) : undefined;

function routes(runtime: SimRuntime, admin: SimAdmin): Route[] {
  const acct = "(\\d{12})";
  const name = "([^/]+)";
  return [
    { method: "GET", pattern: /^\/_sim\/health$/, run: () => ({ ok: true, scenario: runtime.state.scenarioName }) },
    { method: "GET", pattern: /^\/_sim\/state$/, run: () => summary(runtime) },
    { method: "GET", pattern: /^\/_sim\/planted-problems$/, run: () => admin.plantedProblems() },
    { method: "GET", pattern: /^\/_sim\/faults$/, run: () => admin.getFaults() },
    { method: "PUT", pattern: /^\/_sim\/faults$/, run: (_, body) => admin.setFaults(body as never) },
    {
      method: "PUT",
      pattern: new RegExp(`^/_sim/accounts/${acct}/roles/${name}/trust-policy$`),
      run: ([a, r], body) => admin.setTrustPolicy(a as string, r as string, (body as { document: string }).document, callerOf(body)),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_sim/accounts/${acct}/roles/${name}/attached-policies$`),
      run: ([a, r], body) =>
        admin.attachRolePolicy(a as string, r as string, String((body as { policyArn?: unknown }).policyArn), callerOf(body)),
    },
    {
      method: "PUT",
      pattern: new RegExp(`^/_sim/accounts/${acct}/roles/${name}/inline-policies/${name}$`),
      run: ([a, r, p], body) =>
        admin.putRolePolicy(
          a as string,
          r as string,
          { policyName: p as string, document: (body as { document: string }).document },
          callerOf(body),
        ),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/_sim/accounts/${acct}/roles/${name}$`),
      run: ([a, r]) => admin.deleteRole(a as string, r as string),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_sim/accounts/${acct}/users$`),
      run: ([a], body) => {
        const { user, accessKey } = admin.addIamUser(a as string, body as never);
        return {
          userName: user.userName,
          userId: user.userId,
          arn: user.arn,
          accessKey: accessKey ? { accessKeyId: accessKey.accessKeyId, secretAccessKey: accessKey.secretAccessKey } : undefined,
        };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_sim/accounts/${acct}/users/${name}/rotate-keys$`),
      run: ([a, u], body) => {
        const key = admin.rotateAccessKeys(a as string, u as string, callerOf(body));
        return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_sim/accounts/${acct}/cloudtrail-events$`),
      run: ([a], body) => ({ added: admin.addCloudTrailEvents(a as string, body as never).map((r) => r.eventId) }),
    },
    { method: "POST", pattern: /^\/_sim\/identity-center\/users$/, run: (_, body) => admin.addIdentityCenterUser(body as never) },
    { method: "DELETE", pattern: /^\/_sim\/identity-center\/users\/([^/]+)$/, run: ([u]) => admin.removeIdentityCenterUser(u as string) },
    {
      method: "POST",
      pattern: /^\/_sim\/identity-center\/assignments$/,
      run: (_, body) => admin.addAssignment(body as never, callerOf(body)),
    },
    { method: "POST", pattern: /^\/_sim\/identity-center\/group-memberships$/, run: (_, body) => admin.addGroupMembership(body as never) },
    {
      method: "PATCH",
      pattern: /^\/_sim\/identity-center\/permission-sets\/([^/]+)$/,
      run: ([ps], body) => admin.updatePermissionSet(decodeURIComponent(ps as string), body as never),
    },
    {
      method: "PUT",
      pattern: /^\/_sim\/identity-center\/permission-sets\/([^/]+)\/inline-policy$/,
      run: ([ps], body) => admin.putPermissionSetInlinePolicy(decodeURIComponent(ps as string), body as never),
    },
    { method: "DELETE", pattern: /^\/_sim\/identity-center\/assignments$/, run: (_, body) => admin.removeAssignment(body as never) },
    { method: "POST", pattern: /^\/_sim\/credentials$/, run: (_, body) => admin.registerCredential(body as never) },
    { method: "POST", pattern: /^\/_sim\/organizations\/policies$/, run: (_, body) => admin.createServiceControlPolicy(body as never) },
    {
      method: "PUT",
      pattern: /^\/_sim\/organizations\/policies\/(p-[\w]+)$/,
      run: ([p], body) => admin.updateServiceControlPolicy(p as string, body as never),
    },
    {
      method: "POST",
      pattern: /^\/_sim\/organizations\/policies\/(p-[\w]+)\/targets\/([\w-]+)$/,
      run: ([p, t], body) => admin.attachServiceControlPolicy(p as string, t as string, callerOf(body)),
    },
    {
      method: "DELETE",
      pattern: /^\/_sim\/organizations\/policies\/(p-[\w]+)\/targets\/([\w-]+)$/,
      run: ([p, t], body) => admin.detachServiceControlPolicy(p as string, t as string, callerOf(body)),
    },
    { method: "POST", pattern: /^\/_sim\/reset$/, run: () => admin.reset() },
  ];
}

/** The `/_sim/` JSON control API. It is not AWS and never answers in AWS formats. */
export function handleAdminRequest(runtime: SimRuntime, admin: SimAdmin, req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = decodeURI((req.url ?? "/").split("?")[0] as string);
  for (const route of routes(runtime, admin)) {
    if (route.method !== req.method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    try {
      const parsed: unknown = body.trim() === "" ? {} : JSON.parse(body);
      json(res, 200, route.run(match.slice(1), parsed));
    } catch (error) {
      const message = error instanceof ZodError ? prettifyError(error) : error instanceof Error ? error.message : String(error);
      json(res, 400, { error: message });
    }
    return;
  }
  json(res, 404, { error: `no admin route ${req.method} ${path}` });
}
