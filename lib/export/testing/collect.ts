import { Writable } from "node:stream";

/** A Writable that keeps what it receives, optionally slowly (to exercise backpressure). */
export function collector(
  options: { delayMs?: number; highWaterMark?: number } = {},
): Writable & { bytes: () => Buffer; text: () => string } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (options.delayMs) setTimeout(done, options.delayMs);
      else done();
    },
  });
  return Object.assign(out, { bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString("utf8") });
}

/** Batches from arrays, as a database cursor would yield them. */
export async function* batchesOf<T>(...batches: T[][]): AsyncGenerator<T[]> {
  for (const batch of batches) yield batch;
}
