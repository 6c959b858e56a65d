import { fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CredentialSecrets } from "../lib/vault";
import { readCredentialSecrets } from "../lib/vault";
import { startWebhookReceiver, type WebhookReceiver } from "../lib/notify/testing/webhook-receiver";
import { startSimServer, type SimServer } from "../lib/sim";
import { errorOf, TEST_NOW } from "../lib/sim/testing/sim-client-config";
import { useTestDatabase } from "../lib/testing/use-test-database";
import { dumpDatabase, leakedSecrets, makeTestKeyring, plaintextForms } from "../lib/vault/testing";

const database = useTestDatabase();
const MASTER_KEY = randomBytes(32);
const dataDir = mkdtempSync(path.join(tmpdir(), "vigil-bg-flow-"));
const CHILD = path.join(import.meta.dirname, "testing/breakglass-flow-child.ts");
let sim: SimServer;
let webhook: WebhookReceiver;
let accountId: string;

beforeAll(async () => {
  sim = await startSimServer({ scenario: "demo", port: 0, now: TEST_NOW });
  accountId = sim.state.accounts.find((a) => a.id !== sim.state.organization.managementAccountId && a.state === "ACTIVE")!.id;
  webhook = await startWebhookReceiver();
});
afterAll(async () => {
  await webhook?.close();
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Everything a Vigil process needs here, with every log line at trace level on its stdout. */
const vigilEnv = () => ({
  ...process.env,
  DATABASE_URL: database.url,
  VIGIL_DATA_DIR: dataDir,
  VIGIL_MASTER_KEY: MASTER_KEY.toString("base64"),
  LOG_LEVEL: "trace",
  AWS_ENDPOINT_URL: sim.url,
  AWS_REGION: "us-east-1",
  // Unknown to the simulator: its administrator in the management account (Vigil's base credentials).
  AWS_ACCESS_KEY_ID: "AKIAVIGILFLOWTEST001",
  AWS_SECRET_ACCESS_KEY: "flow-test-base-secret",
  VIGIL_NOTIFY_WEBHOOK_URL: webhook.url,
});

type Output = { code: number | null; output: string };

function collect(child: ReturnType<typeof spawn>, onDone: (output: Output) => void) {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.on("close", (code) => onDone({ code, output }));
}

/** `vigil breakglass add`, the secrets on stdin as an admin would pipe them. */
function addCredential(args: string[], stdin: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/vigil.mjs", "breakglass", "add", ...args], { env: vigilEnv() });
    child.on("error", reject);
    collect(child, resolve);
    child.stdin.end(stdin);
  });
}

type FlowMessage =
  | { type: "revealed"; secrets: CredentialSecrets }
  | { type: "done"; checkoutId: string; followUps: string[]; rotationMs: number; reviewed: string }
  | { type: "failed"; message: string };

/** The web app's and the worker's part of the flow, in a child process whose output is captured whole. */
function runFlow(credentialId: string): Promise<Output & { messages: FlowMessage[] }> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [credentialId], { execArgv: ["--import", "tsx"], env: vigilEnv(), stdio: ["ignore", "pipe", "pipe", "ipc"] });
    const messages: FlowMessage[] = [];
    const killer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.on("message", (message) => messages.push(message as FlowMessage));
    child.on("error", reject);
    collect(child, (output) => {
      clearTimeout(killer);
      resolve({ ...output, messages });
    });
  });
}

const whoAmI = (key: { accessKeyId: string; secretAccessKey: string }) =>
  new STSClient({ endpoint: sim.url, region: "us-east-1", credentials: key, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));

describe("the break-glass flow leaves no secret in the database or the logs", () => {
  it("register → request → approve → reveal → return → rotation → review: pg_dump, logs and webhooks hold no plaintext", async () => {
    // Given a break-glass IAM user with a console password and an access key, registered through the CLI
    const userName = `breakglass-flow-${randomBytes(3).toString("hex")}`;
    const { accessKey } = sim.admin.addIamUser(accountId, { userName, consolePassword: true, mfa: true, withAccessKey: true });
    const oldPassword = `Old-Pw-${randomBytes(12).toString("base64url")}!`;
    const old = { accessKeyId: accessKey!.accessKeyId, secretAccessKey: accessKey!.secretAccessKey };
    const add = await addCredential(
      ["--account", accountId, "--iam-user", userName, "--password-stdin", "--access-key-id", old.accessKeyId, "--secret-access-key-stdin"],
      `${oldPassword}\n${old.secretAccessKey}\n`,
    );
    expect(add.code, add.output).toBe(0);
    const credential = await database.db.breakglassCredential.findUniqueOrThrow({
      where: { accountId_iamUserName: { accountId, iamUserName: userName } },
    });

    // When the flow runs in the web app's and the worker's code, with no job scheduled
    const flow = await runFlow(credential.id);
    const done = flow.messages.find((m) => m.type === "done");
    expect(done, `${JSON.stringify(flow.messages.filter((m) => m.type === "failed"))}\n${flow.output.slice(-4000)}`).toBeDefined();

    // Then the one reveal showed the registered secrets, and the return started the rotation at once
    expect(flow.messages.find((m) => m.type === "revealed")).toEqual({
      type: "revealed",
      secrets: { password: oldPassword, accessKeyId: old.accessKeyId, secretAccessKey: old.secretAccessKey },
    });
    expect(done).toMatchObject({ followUps: expect.arrayContaining(["breakglass-rotate"]), reviewed: "reviewed" });
    expect((done as { rotationMs: number }).rotationMs).toBeLessThan(30_000);

    // And IAM refuses the old key and accepts the new one the vault holds
    const fresh = await readCredentialSecrets(database.db, credential.id, makeTestKeyring(MASTER_KEY));
    expect(fresh.password).toBeDefined();
    expect(fresh.password).not.toBe(oldPassword);
    expect(fresh.accessKeyId).not.toBe(old.accessKeyId);
    expect((await errorOf(whoAmI(old))).name).toBe("InvalidClientTokenId");
    expect((await whoAmI({ accessKeyId: fresh.accessKeyId!, secretAccessKey: fresh.secretAccessKey! })).Arn).toContain(`:user/${userName}`);

    const secrets = [oldPassword, old.secretAccessKey, fresh.password!, fresh.secretAccessKey!];
    // And the notifications went out through the webhook, without a secret
    const webhookText = JSON.stringify(webhook.bodies);
    expect(webhook.bodies.length).toBeGreaterThanOrEqual(3);
    expect(leakedSecrets(webhookText, secrets)).toEqual([]);

    // And every log line of the CLI, the web-side calls and the worker is free of them (and of the webhook's token)
    const logs = `${add.output}\n${flow.output}`;
    expect(logs).toContain('"msg":"job completed"');
    expect(logs).toMatch(/"job":"breakglass-rotate".*"msg":"job completed"/);
    expect(logs).toContain('"msg":"notifications delivered"');
    expect(leakedSecrets(logs, [...secrets, "XXXXsecretwebhooktoken"])).toEqual([]);

    // And a pg_dump of the database (or every row through SQL when no pg_dump fits the server) holds none
    const dump = await dumpDatabase(database.url, database.db);
    expect(dump.text, `dump via ${dump.via}`).toContain(fresh.accessKeyId!);
    expect(dump.text).toContain("checkout.reviewed");
    expect(leakedSecrets(dump.text, secrets), `dump via ${dump.via}`).toEqual([]);
  }, 300_000);

  it("the leak search finds a secret hidden in each of the forms it claims to cover", () => {
    const secret = `S3cret/"quoted"\\${randomBytes(9).toString("base64url")}`;
    const embedded = (prefix: number) => Buffer.concat([randomBytes(prefix), Buffer.from(secret), randomBytes(5)]).toString("base64");
    for (const text of [
      `x ${secret} y`,
      JSON.stringify({ msg: secret }),
      `\\x00${Buffer.from(secret).toString("hex")}`,
      embedded(0),
      embedded(1),
      embedded(2),
      secret.replace(/\\/g, "\\\\"),
    ])
      expect(leakedSecrets(text, [secret]), text).toEqual([secret]);
    expect(leakedSecrets(embedded(1).slice(0, 8), [secret])).toEqual([]);
    expect(plaintextForms(secret).every((form) => form.length >= 8)).toBe(true);
  });
});
