import { InvalidArgumentError, type Command } from "commander";
import { startWorker } from "../../jobs/worker";
import { applyMigrations, resolveDatabase } from "../../lib/db";
import { env } from "../../lib/env";
import { childLogger } from "../../lib/log";
import { takeOverShutdownSignals } from "../shutdown-signals";

export function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 32) throw new InvalidArgumentError("must be an integer from 1 to 32");
  return count;
}

export function registerWorkerCommands(program: Command): void {
  program
    .command("worker")
    .description("run scheduled and queued jobs (snapshots, CloudTrail ingestion, maintenance) until stopped")
    .option("--concurrency <n>", "handlers per job queue (default VIGIL_WORKER_CONCURRENCY)", parseCount)
    .action(async (options: { concurrency?: number }) => {
      const settings = env();
      const log = childLogger("cli");
      const database = await resolveDatabase();
      log.info({ source: database.source }, "database resolved");
      try {
        await applyMigrations(database.url);
        const worker = await startWorker({
          databaseUrl: database.url,
          concurrency: options.concurrency ?? settings.VIGIL_WORKER_CONCURRENCY,
        });
        takeOverShutdownSignals(async (signal) => {
          log.info({ signal }, "stopping worker");
          await worker.stop();
          await database.stop();
        });
        await worker.stopped;
      } catch (error) {
        await database.stop();
        throw error;
      }
    });
}
