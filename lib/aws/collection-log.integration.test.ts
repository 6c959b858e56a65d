import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimServer, type SimServer } from "../sim";
import { simClientConfig, TEST_NOW } from "../sim/testing/sim-client-config";
import { AwsResponseError } from "./aws-response-error";
import { CollectionLog } from "./collection-log";

let server: SimServer;
let sts: STSClient;

beforeAll(async () => {
  server = await startSimServer({ scenario: "demo", now: TEST_NOW });
  sts = new STSClient(simClientConfig(server));
});
afterAll(() => server.close());

const site = { accountId: "590123456780", service: "sts", operation: "AssumeRole" };
const deniedAssumeRole = () =>
  sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/team/PaymentsTeamRole", RoleSessionName: "vigil" }));

describe("CollectionLog", () => {
  it("records an AWS service error as a coverage gap and yields undefined", async () => {
    const log = new CollectionLog();
    await expect(log.attempt(site, deniedAssumeRole)).resolves.toBeUndefined();
    expect(log.errors).toEqual([expect.objectContaining({ accountId: "590123456780", code: "AccessDenied" })]);
  });

  it("records an AWS answer Vigil cannot use", async () => {
    const log = new CollectionLog();
    await log.attempt(site, async () => {
      throw new AwsResponseError("AssumeRole returned no credentials");
    });
    expect(log.errors).toEqual([expect.objectContaining({ message: "AssumeRole returned no credentials" })]);
  });

  it("rethrows a bug in Vigil's own code instead of recording it as a gap", async () => {
    const log = new CollectionLog();
    const parent = new CollectionLog();
    const child = parent.fork();
    const mapperBug = async () => (undefined as unknown as { roleName: string }).roleName;
    await expect(log.attempt(site, mapperBug)).rejects.toBeInstanceOf(TypeError);
    await expect(child.attempt(site, mapperBug)).rejects.toBeInstanceOf(TypeError);
    expect([...log.errors, ...parent.errors]).toEqual([]);
  });

  it("rethrows an abort so a cancelled job stops instead of finishing PARTIAL", async () => {
    const log = new CollectionLog();
    const controller = new AbortController();
    controller.abort();
    await expect(
      log.attempt(site, () =>
        sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::590123456780:role/x", RoleSessionName: "v" }), {
          abortSignal: controller.signal,
        }),
      ),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(log.errors).toEqual([]);
  });
});
