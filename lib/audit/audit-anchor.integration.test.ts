import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../log";
import { useTestDatabase } from "../testing/use-test-database";
import { AnchorWebhookError, anchorAuditHead, parseAnchorFile, readAnchorFile } from "./audit-anchor";
import { GENESIS_HASH } from "./audit-hash";
import { recordAudit } from "./record-audit";
import { clearAuditTrail } from "./testing/tamper";
import { verifyAuditChain } from "./verify-audit-chain";

const database = useTestDatabase();
const log = createLogger({ level: "silent" });

type Received = { body: string; url: string };
let server: Server;
let baseUrl: string;
const received: Received[] = [];
let answer: "ok" | "fail" | "hang" = "ok";

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => resolve(text));
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({ body, url: req.url ?? "" });
      if (answer === "hang") return;
      res.writeHead(answer === "ok" ? 204 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("anchorAuditHead", () => {
  let dir: string;
  beforeEach(async () => {
    await clearAuditTrail(database.db);
    received.length = 0;
    answer = "ok";
    dir = await mkdtemp(path.join(tmpdir(), "vigil-anchor-"));
    return () => rm(dir, { recursive: true, force: true });
  });

  it("appends the head to the anchor file and POSTs it to the webhook; verify checks against the file", async () => {
    const file = path.join(dir, "anchors.jsonl");
    expect(await anchorAuditHead(database.db, { file }, { log })).toMatchObject({ sequence: 0n, hash: GENESIS_HASH });
    const entry = await recordAudit(database.db, { actor: { type: "system" }, action: "test.entry" });
    const anchor = await anchorAuditHead(database.db, { file, webhookUrl: `${baseUrl}/hook/t0ken` }, { log });
    expect(anchor).toMatchObject({ sequence: 1n, hash: entry.hash });

    const anchors = await readAnchorFile(file);
    expect(anchors.map((a) => [a.sequence, a.hash])).toEqual([
      [0n, GENESIS_HASH],
      [1n, entry.hash],
    ]);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ kind: "vigil.audit-anchor", sequence: "1", hash: entry.hash });
    expect(await verifyAuditChain(database.db, { anchors })).toMatchObject({ ok: true, anchorsChecked: 2 });
    expect((await readFile(file, "utf8")).split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("fails loudly, without the webhook's URL, when the webhook refuses or does not answer in time", async () => {
    answer = "fail";
    const refused = anchorAuditHead(database.db, { webhookUrl: `${baseUrl}/hook/s3cret-token` }, { log });
    await expect(refused).rejects.toThrow(AnchorWebhookError);
    await expect(refused).rejects.toThrow(/HTTP 500/);
    await refused.catch((error: Error) => expect(error.message).not.toContain("s3cret"));

    answer = "hang";
    await expect(
      anchorAuditHead(database.db, { webhookUrl: `${baseUrl}/hook/s3cret-token`, webhookTimeoutMs: 300 }, { log }),
    ).rejects.toThrow(/no answer within 300 ms/);
  });

  it("refuses a malformed anchor file by line number", () => {
    expect(() =>
      parseAnchorFile(`{"sequence":"1","hash":"${"a".repeat(64)}","anchoredAt":"2026-12-01T00:00:00.000Z"}\nnot json\n`),
    ).toThrow(/line 2 is not JSON/);
    expect(() => parseAnchorFile(`{"sequence":"x"}`)).toThrow(/line 1 is not an anchor/);
  });
});
