import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A local Slack-compatible webhook: records each JSON body it is sent and answers 200 "ok". */
export type WebhookReceiver = { url: string; bodies: unknown[]; close: () => Promise<void> };

const MAX_BODY_BYTES = 1_000_000;

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const bodies: unknown[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => {
      try {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      } catch {
        response.writeHead(400).end("not JSON");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/vigil`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
