import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Streams chunks into `out` with backpressure: `pipeline` pulls the next chunk only when `out` has
 * room, and stops the source (so its database cursor) when `out` fails or is closed by the reader.
 * `end: false` leaves `out` open (process.stdout, or a caller writing more after).
 */
export async function writeChunks(
  out: Writable,
  chunks: AsyncIterable<string | Uint8Array>,
  options: { end?: boolean } = {},
): Promise<number> {
  let bytes = 0;
  async function* counted() {
    for await (const chunk of chunks) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      bytes += buffer.byteLength;
      if (buffer.byteLength > 0) yield buffer;
    }
  }
  await pipeline(Readable.from(counted(), { objectMode: false }), out, { end: options.end ?? true });
  return bytes;
}
