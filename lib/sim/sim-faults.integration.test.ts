import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { IAMClient, ListUsersCommand } from "@aws-sdk/client-iam";
import { ListPermissionSetsCommand, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { startSimServer, type SimServer } from "./index";
import { waitFor } from "../testing/wait-for";
import { errorOf, simClientConfig, TEST_NOW } from "./testing/sim-client-config";

let server: SimServer;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
});
afterEach(() => server.admin.reset());
afterAll(() => server.close());

describe("fault injection", () => {
  it("throttles LookupEvents at AWS's 2 per second, surfacing ThrottlingException when retries are off", async () => {
    server.admin.setFaults({ rateLimits: "aws" });
    const ct = new CloudTrailClient(simClientConfig(server, { maxAttempts: 1 }));
    await ct.send(new LookupEventsCommand({ MaxResults: 1 }));
    await ct.send(new LookupEventsCommand({ MaxResults: 1 }));
    const error = await errorOf(ct.send(new LookupEventsCommand({ MaxResults: 1 })));
    expect(error.name).toBe("ThrottlingException");
    expect(error.$metadata?.httpStatusCode).toBe(429);
    // Another region has its own bucket.
    await new CloudTrailClient(simClientConfig(server, { region: "us-east-1" })).send(new LookupEventsCommand({ MaxResults: 1 }));
  });

  it("lets the SDK's standard retries ride out throttling when maxAttempts allows", async () => {
    server.admin.setFaults({ rateLimits: [{ service: "organizations", operation: "ListAccounts", ratePerSecond: 4, burst: 1 }] });
    const org = new OrganizationsClient(simClientConfig(server, { maxAttempts: 6 }));
    await org.send(new ListAccountsCommand({}));
    const retried = await org.send(new ListAccountsCommand({}));
    expect(retried.Accounts).toHaveLength(12);
    expect(retried.$metadata.attempts).toBeGreaterThan(1);
  });

  it("answers IAM's Throttling error in awsQuery form", async () => {
    server.admin.setFaults({ rateLimits: [{ service: "iam", ratePerSecond: 0.001, burst: 1 }] });
    const iam = new IAMClient(simClientConfig(server));
    await iam.send(new ListUsersCommand({}));
    const error = await errorOf(iam.send(new ListUsersCommand({})));
    expect(error.name).toBe("Throttling");
    expect(error.message).toBe("Rate exceeded");
  });

  it("fails a burst of calls with 5xx which the SDK retries", async () => {
    server.admin.setFaults({ serverErrors: [{ service: "sso", count: 2 }] });
    const noRetry = new SSOAdminClient(simClientConfig(server));
    const instanceArn = server.state.identityCenter.instance.instanceArn;
    const error = await errorOf(noRetry.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn })));
    expect(error.name).toBe("InternalServerException");
    const retrying = new SSOAdminClient(simClientConfig(server, { maxAttempts: 3 }));
    const out = await retrying.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn }));
    expect(out.$metadata.attempts).toBe(2);
  });

  it("holds each answer for the configured latency, per call plus per operation", async () => {
    // Given a server whose injected latencies are observed rather than waited out on a real timer
    const delays: number[] = [];
    let release = () => {};
    const slow = await startSimServer({
      scenario: "demo",
      now: TEST_NOW,
      faults: { latencyMs: 60, operationLatencyMs: { "organizations:ListAccounts": 60 } },
      delay: (ms) => {
        delays.push(ms);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    try {
      // When a call is made
      let answered = false;
      const answer = new OrganizationsClient(simClientConfig(slow)).send(new ListAccountsCommand({})).finally(() => (answered = true));
      // Then the server waits out both latencies before answering, and answers once they pass
      await waitFor("the latency to be applied", () => delays.length > 0);
      expect(delays).toEqual([120]);
      expect(answered).toBe(false);
      release();
      expect((await answer).Accounts).toHaveLength(12);
    } finally {
      await slow.close();
    }
  });

  it("applies a per-request fault asked for in the x-vigil-sim-fault header", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "x-amz-target": "AWSOrganizationsV20161128.ListAccounts",
        "content-type": "application/x-amz-json-1.1",
        authorization:
          "AWS4-HMAC-SHA256 Credential=AKIAVIGILTESTADMIN01/20261120/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0",
        "x-vigil-sim-fault": "throttle",
      },
      body: "{}",
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("x-amzn-errortype")).toBe("TooManyRequestsException");
    expect(await response.json()).toMatchObject({ __type: "TooManyRequestsException" });
  });
});

describe("admin HTTP API", () => {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/_sim${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("sets and reads faults, adds a user with a key, rotates it and resets", async () => {
    expect((await call("PUT", "/faults", { accessDeniedAccounts: ["612345678902"] })).status).toBe(200);
    expect((await call("GET", "/faults")).body).toEqual({ accessDeniedAccounts: ["612345678902"] });
    const added = await call("POST", "/accounts/210987654321/users", {
      userName: "temp-admin",
      consolePassword: true,
      withAccessKey: true,
    });
    const key = added.body.accessKey as { accessKeyId: string; secretAccessKey: string };
    expect(key.accessKeyId).toMatch(/^AKIA/);
    const asNewUser = new IAMClient(simClientConfig(server, { credentials: key }));
    expect((await asNewUser.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toContain("temp-admin");
    const rotated = await call("POST", "/accounts/210987654321/users/temp-admin/rotate-keys");
    expect(rotated.body.accessKeyId).not.toBe(key.accessKeyId);
    expect((await call("POST", "/accounts/210987654321/users", { userName: "bad name!" })).status).toBe(400);
    expect((await call("GET", "/nope")).status).toBe(404);
    await call("POST", "/reset");
    expect(server.state.iam.getOrThrow("210987654321").users.map((u) => u.userName)).toEqual(["breakglass-admin"]);
    expect((await call("GET", "/faults")).body).toEqual({});
  });

  it("adds and removes Identity Center users and assignments, provisioning the reserved role", async () => {
    const user = await call("POST", "/identity-center/users", {
      userName: "new.hire@acme-fintech.example",
      givenName: "New",
      familyName: "Hire",
      groups: ["qa"],
    });
    const userId = user.body.userId as string;
    const assignment = { accountId: "612345678902", permissionSet: "Billing", principalType: "USER", principalId: userId };
    expect((await call("POST", "/identity-center/assignments", assignment)).status).toBe(200);
    const hasBillingRole = () =>
      server.state.iam.getOrThrow("612345678902").roles.some((r) => r.roleName.startsWith("AWSReservedSSO_Billing_"));
    expect(hasBillingRole()).toBe(true);
    expect((await call("DELETE", "/identity-center/assignments", assignment)).status).toBe(200);
    expect(hasBillingRole()).toBe(false);
    expect((await call("DELETE", `/identity-center/users/${userId}`)).status).toBe(200);
    expect(server.state.identityCenter.users).toHaveLength(40);
  });

  it("changes a trust policy and deletes a role", async () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }],
    };
    expect((await call("PUT", "/accounts/590123456780/roles/VigilAuditRole/trust-policy", { document: doc })).status).toBe(200);
    expect(server.state.iam.getOrThrow("590123456780").roles.find((r) => r.roleName === "VigilAuditRole")?.trustPolicy).toContain(
      "999999999999",
    );
    expect((await call("DELETE", "/accounts/590123456780/roles/VigilAuditRole")).status).toBe(200);
    expect((await call("DELETE", "/accounts/590123456780/roles/VigilAuditRole")).status).toBe(400);
    expect((await call("GET", "/planted-problems")).body).toHaveLength(server.state.plantedProblems.length);
  });
});
