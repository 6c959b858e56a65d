/**
 * Next.js start-up hook (runs once per server process, before the first request). The Node-only
 * work lives in lib/web/register-node-server.ts, imported only under the Node runtime so the edge
 * bundle never sees Postgres, pino or process.exit.
 */
export async function register(): Promise<void> {
  // Next's documented runtime switch (not a setting): the edge runtime has no Postgres to reach.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("./lib/web/register-node-server");
    await registerNodeServer();
  }
}
