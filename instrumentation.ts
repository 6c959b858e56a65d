/**
 * Next.js start-up hook (runs once per server process, before the first request). The Node-only
 * work lives in app/_server/register-node-server.ts, imported only under the Node runtime so the edge
 * bundle never sees Postgres, pino or process.exit.
 */
export async function register(): Promise<void> {
  // Next's documented runtime switch, inlined at build time (not a setting, so not lib/env.ts): the
  // edge runtime has no Postgres to reach.
  // eslint-disable-next-line no-restricted-syntax -- must be the literal process.env.NEXT_RUNTIME
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("./app/_server/register-node-server");
    await registerNodeServer();
  }
}
