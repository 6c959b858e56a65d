import { getServerDatabase } from "../lib/db";
import { openJobQueueClient, type JobQueueClient, type SendOptions } from "./job-queue-client";
import { getJobOrThrow, type JobName, type JobPayload } from "./registry";

type EnqueueOptions = SendOptions & {
  /** Defaults to the server process's database (getServerDatabase). */
  databaseUrl?: string;
};

const GLOBAL_KEY = Symbol.for("vigil.jobQueueClients");
type GlobalWithClients = typeof globalThis & { [GLOBAL_KEY]?: Map<string, Promise<JobQueueClient>> };

function clients(): Map<string, Promise<JobQueueClient>> {
  const holder = globalThis as GlobalWithClients;
  holder[GLOBAL_KEY] ??= new Map();
  return holder[GLOBAL_KEY];
}

/**
 * Queues an on-demand run of a registered job (e.g. `vigil snapshot`, a "run now" button). The
 * run shares the job's singleton slot with its schedule, so it never overlaps a scheduled run.
 * Returns the job id, or null when an equivalent run is already queued.
 */
export async function enqueueJob<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string | null> {
  const { databaseUrl = (await getServerDatabase()).url, ...sendOptions } = options;
  const job = getJobOrThrow(name);
  let client = clients().get(databaseUrl);
  if (!client) {
    client = openJobQueueClient(databaseUrl);
    clients().set(databaseUrl, client);
    client.catch(() => clients().delete(databaseUrl));
  }
  return (await client).send(job, payload, sendOptions);
}

/** Closes the connections enqueueJob opened (CLI commands call this before exiting). */
export async function closeJobQueueClients(): Promise<void> {
  const open = [...clients().values()];
  clients().clear();
  await Promise.all(open.map(async (client) => (await client).close().catch(() => {})));
}
