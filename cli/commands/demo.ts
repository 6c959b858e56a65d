import path from "node:path";
import type { Command } from "commander";
import { startWorker } from "../../jobs/worker";
import { applyMigrations, createDb, findFreePort, resolveDatabase } from "../../lib/db";
import { env, setRuntimeEnv, type Env } from "../../lib/env";
import { childLogger } from "../../lib/log";
import { ensureNextBuild, startNextServer, waitUntilServing } from "../../lib/web";
import { provisionDemoAdmin } from "../demo-admin";
import { formatDemoBanner } from "../demo-banner";
import { refuseForeignDemoDatabase } from "../demo-database-guard";
import { startDemoSimulator } from "../demo-simulator";
import { DEMO_WARMUPS, type DemoAwsSettings } from "../demo-warmups";
import { takeOverShutdownSignals, untilExit } from "../shutdown-signals";
import { parsePort } from "./serve";

type Closer = { label: string; close(): Promise<unknown> };

const say = (line: string) => console.log(`vigil demo: ${line}`);

export function registerDemoCommands(program: Command): void {
  program
    .command("demo")
    .description("try Vigil locally: database, AWS simulator, demo admin, web console and worker in one command")
    .option("-p, --port <port>", "web console port (default PORT, 3000)", parsePort)
    .option("-H, --hostname <host>", "interface the web console binds to; 0.0.0.0 exposes it to the network", "127.0.0.1")
    .option("--force", "use the database DATABASE_URL names (the demo adds its admin and simulated data to it)")
    .option("--verbose", "show the web server's and worker's logs")
    .action(async function (this: Command, options: { port?: number; hostname: string; force?: boolean; verbose?: boolean }) {
      if (!options.verbose) setRuntimeEnv("LOG_LEVEL", "warn");
      const settings = env();
      const refusal = refuseForeignDemoDatabase({ databaseUrl: settings.DATABASE_URL, isForced: options.force === true });
      if (refusal) this.error(`error: ${refusal}`, { exitCode: 2, code: "vigil.demoDatabaseRefused" });
      // Resources are closed in reverse order on Ctrl-C, including when start-up is half done.
      const started: Closer[] = [];
      const signals = takeOverShutdownSignals(async () => {
        say("stopping…");
        for (const resource of started.reverse()) {
          await resource.close().catch((error: unknown) => say(`${resource.label} did not stop cleanly: ${String(error)}`));
        }
        say("stopped");
      });
      try {
        await runDemo({ port: options.port ?? settings.PORT, hostname: options.hostname, settings, started });
      } catch (error) {
        // Ctrl-C during start-up makes steps fail as their resources close under them: not an error.
        if (signals.isShuttingDown()) await untilExit();
        for (const resource of started.reverse()) await resource.close().catch(() => {});
        throw error;
      }
    });
}

async function runDemo(input: { port: number; hostname: string; settings: Env; started: Closer[] }): Promise<void> {
  const { port, hostname, started } = input;
  const log = childLogger("demo");
  // Children run from the repository root: pin the data directory to where this command was run.
  setRuntimeEnv("VIGIL_DATA_DIR", path.resolve(input.settings.VIGIL_DATA_DIR));

  await ensureNextBuild({ onBuilding: () => say("first run: building the web console (next build), this takes a minute…") });

  const database = await resolveDatabase();
  started.push({ label: "database", close: () => database.stop() });
  say(database.source === "embedded" ? `database: embedded Postgres in ${env().VIGIL_DATA_DIR}` : "database: DATABASE_URL");
  await applyMigrations(database.url);
  setRuntimeEnv("DATABASE_URL", database.url);

  const simulator = await startDemoSimulator({ port: await findFreePort(), dataDir: env().VIGIL_DATA_DIR });
  started.push({ label: "AWS simulator", close: () => simulator.server.close() });
  pointAwsAt(simulator.aws);
  say(`AWS simulator (demo organization, history as of ${simulator.anchor.toISOString()}) listening on ${simulator.aws.endpoint}`);

  const db = createDb(database.url, { maxConnections: 4 });
  started.push({ label: "database client", close: () => db.$disconnect() });
  const admin = await provisionDemoAdmin(db);

  for (const warmup of DEMO_WARMUPS) {
    say(`preparing: ${warmup.label}…`);
    await warmup.run({ db, databaseUrl: database.url, aws: simulator.aws, simulator: simulator.server, log });
  }

  setRuntimeEnv("PORT", String(port));
  const server = startNextServer({ port, hostname });
  started.push({ label: "web server", close: () => server.stop() });
  const worker = await startWorker({ databaseUrl: database.url });
  started.push({ label: "worker", close: () => worker.stop() });
  await waitUntilServing(server);
  console.log(formatDemoBanner(server.url, admin));

  const code = await server.exited;
  throw new Error(`the web server exited unexpectedly (code ${code ?? "signal"})`);
}

/** AWS_* standard SDK settings and the Identity Center region: the collectors, the SDK and the worker pick them up in every process. */
function pointAwsAt(aws: DemoAwsSettings): void {
  const settings = {
    AWS_ENDPOINT_URL: aws.endpoint,
    AWS_REGION: aws.region,
    VIGIL_AWS_SSO_REGION: aws.ssoRegion,
    AWS_ACCESS_KEY_ID: aws.accessKeyId,
    AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
  };
  // setRuntimeEnv writes process.env for children; AWS_* need not all be declared in ENV_SCHEMA.
  for (const [name, value] of Object.entries(settings)) setRuntimeEnv(name as keyof Env & string, value);
}
