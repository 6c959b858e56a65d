import { open, readFile, unlink } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "./embedded-cluster-files";

const RETRY_MS = 100;
/** initdb of a fresh cluster plus start-up; far longer means the holder is stuck. */
const MAX_WAIT_MS = 120_000;

/**
 * Runs `work` while holding `file` (created exclusively, holding this pid), so that processes
 * sharing a data directory never initialise or start its cluster at the same time. A lock whose
 * holder died is taken over.
 */
export async function withStartLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const handle = await open(file, "wx").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return null;
      throw error;
    });
    if (handle) {
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return await work();
      } finally {
        await unlink(file).catch(() => {});
      }
    }
    const holder = Number(await readFile(file, "utf8").catch(() => ""));
    if (holder && !isProcessAlive(holder)) {
      await unlink(file).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `process ${holder || "?"} has held ${file} for over ${MAX_WAIT_MS / 1000} s; if no Vigil process is starting the embedded Postgres, delete that file`,
      );
    }
    await sleep(RETRY_MS);
  }
}
