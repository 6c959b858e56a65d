import http from "node:http";

export type WebhookReceiver = {
  /** includes a token-like path, as real incoming-webhook URLs do */
  url: string;
  /** parsed JSON bodies received, in order */
  bodies: unknown[];
  /** the HTTP status the next requests get (200 by default) */
  answerWith(status: number): void;
  close(): Promise<void>;
};

/** A local Slack-compatible incoming webhook: records each POSTed JSON body and answers `status`. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const bodies: unknown[] = [];
  let status = 200;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        bodies.push(null);
      }
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXXsecretwebhooktoken`,
    bodies,
    answerWith: (next) => (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
