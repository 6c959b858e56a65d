import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeHandler } from "better-auth/node";
import { createClientAddressServer } from "../../web";
import { parseTrustedProxies } from "../../client-address";
import type { VigilAuth } from "../create-auth";
import { TEST_BASE_URL } from "./auth-test-kit";

export type AuthHttpServer = { port: number; close(): Promise<void> };

/**
 * better-auth's handler behind a real HTTP server with the production client-address stamping
 * (lib/web), on 127.0.0.1: what Vigil's web server does in front of Next, without needing a build.
 */
export async function startAuthHttpServer(auth: VigilAuth, trustedProxies: string[] = []): Promise<AuthHttpServer> {
  const server = createClientAddressServer(toNodeHandler(auth), parseTrustedProxies(trustedProxies));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A browser talking to that server over TCP from a chosen loopback source address (127.0.0.2,
 * 127.0.0.3…: Linux routes all of 127/8 locally), with a cookie jar. `headers` lets a test send
 * what an attacker would (a forged X-Forwarded-For, a forged x-vigil-client-ip).
 */
export class HttpAuthClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly server: AuthHttpServer,
    private readonly sourceAddress = "127.0.0.1",
  ) {}

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
    const payload = JSON.stringify(body);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: this.server.port,
          localAddress: this.sourceAddress,
          path: `/api/auth${path}`,
          method: "POST",
          agent: false,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            origin: TEST_BASE_URL,
            "user-agent": "vitest-http",
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            for (const line of res.headers["set-cookie"] ?? []) this.remember(line);
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`POST ${path} timed out after ${REQUEST_TIMEOUT_MS} ms`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  hasSessionCookie(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("session_token"));
  }

  /** Another tab of the same browser: same cookies, its own requests. */
  copy(): HttpAuthClient {
    const twin = new HttpAuthClient(this.server, this.sourceAddress);
    for (const [name, value] of this.cookies) twin.cookies.set(name, value);
    return twin;
  }

  private remember(line: string): void {
    const [pair = ""] = line.split(";");
    const separator = pair.indexOf("=");
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
