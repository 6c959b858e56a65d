import { InvalidArgumentError, type Command } from "commander";
import { applyMigrations, resolveDatabase } from "../../lib/db";
import { env, setRuntimeEnv } from "../../lib/env";
import { ensureNextBuild, startNextServer } from "../../lib/web";
import { takeOverShutdownSignals, untilExit } from "../shutdown-signals";

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError("must be a port number 1-65535");
  return port;
}

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("run the web console (the Next.js build behind Vigil's client-address resolution), building it first if needed")
    .option("-p, --port <port>", "port to listen on (default PORT, 3000)", parsePort)
    .option("-H, --hostname <host>", "interface to bind (default all)")
    .action(async (options: { port?: number; hostname?: string }) => {
      const settings = env();
      const port = options.port ?? settings.PORT;
      const database = await resolveDatabase();
      try {
        await applyMigrations(database.url);
        await ensureNextBuild({
          onBuilding: () => console.log("vigil: no production build found (.next/BUILD_ID); running next build first…"),
        });
      } catch (error) {
        await database.stop();
        throw error;
      }
      // The web server process gets the resolved (possibly embedded) database, not a second cluster.
      setRuntimeEnv("DATABASE_URL", database.url);
      setRuntimeEnv("PORT", String(port));
      const server = startNextServer({ port, hostname: options.hostname });
      const signals = takeOverShutdownSignals(async () => {
        await server.stop();
        await database.stop();
      });
      const code = await server.exited;
      if (signals.isShuttingDown()) await untilExit();
      await database.stop();
      if (code !== 0) throw new Error(`the web server exited with code ${code ?? "(signal)"}`);
    });
}
