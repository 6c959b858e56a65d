import type { Server } from "node:http";
import next from "next";
import { parseTrustedProxies } from "../lib/client-address";
import { env, EnvError } from "../lib/env";
import { APP_ROOT, createClientAddressServer } from "../lib/web";

export type WebServerOptions = { port: number; hostname?: string };

/**
 * The production web server: Next.js (the `.next` build) behind a Node HTTP server that resolves
 * each request's client address from its socket and VIGIL_TRUSTED_PROXIES, and hands it on in a
 * header no client can set. `next start` cannot do this: its server fills X-Forwarded-For only
 * when absent, so handlers could not tell a client's forged header from a proxy's.
 */
export async function serveNext(options: WebServerOptions): Promise<{ server: Server; close(): Promise<void> }> {
  const proxies = parseTrustedProxies((env().VIGIL_TRUSTED_PROXIES ?? "").split(","));
  const app = next({ dev: false, dir: APP_ROOT, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createClientAddressServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  }, proxies);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await app.close();
  };
  return { server, close };
}

function parseArgs(argv: string[]): WebServerOptions {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const port = Number(value("--port") ?? env().PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number 1-65535, got ${value("--port")}`);
  return { port, hostname: value("--hostname") };
}

/** bin/vigil-web.mjs: serve until SIGTERM/SIGINT, then close and exit. */
export async function runWebServer(argv: string[]): Promise<void> {
  let options: WebServerOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : `vigil-web: ${(error as Error).message}`);
    process.exit(2);
  }
  const web = await serveNext(options);
  console.log(`vigil-web: listening on ${options.hostname ?? "all interfaces"}:${options.port}`);
  let isClosing = false;
  const stop = () => {
    if (isClosing) return;
    isClosing = true;
    const timer = setTimeout(() => process.exit(0), 5_000);
    timer.unref();
    void web.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
