import type { Writable } from "node:stream";
import type { ExportBatches, ExportTally } from "./export-cell";
import { writeChunks } from "./write-chunks";

/** Dates as ISO text, bigints as decimal strings: JSON.stringify would throw on a bigint. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, replacer);
}

/** One JSON object per line (NDJSON): an optional head line, then one line per record. */
export async function writeNdjson(
  out: Writable,
  input: { head?: Record<string, unknown>; batches: ExportBatches<object> },
  options: { end?: boolean } = {},
): Promise<ExportTally> {
  let rows = 0;
  async function* chunks() {
    if (input.head) yield `${toJson(input.head)}\n`;
    for await (const batch of input.batches) {
      rows += batch.length;
      yield batch.map((record) => `${toJson(record)}\n`).join("");
    }
  }
  const bytes = await writeChunks(out, chunks(), options);
  return { rows, bytes };
}

/**
 * One JSON document, streamed: the head's fields, then each array field written element by element
 * (`{ ...head, "rows": [ … ], "changes": [ … ] }`), so a 100,000-row array is never built in memory.
 */
export async function writeJson(
  out: Writable,
  input: { head: Record<string, unknown>; arrays: ReadonlyArray<{ key: string; batches: ExportBatches<object> }> },
  options: { end?: boolean } = {},
): Promise<ExportTally> {
  let rows = 0;
  async function* chunks() {
    const head = toJson(input.head);
    if (input.arrays.length === 0) {
      yield `${head}\n`;
      return;
    }
    yield head === "{}" ? "{" : `${head.slice(0, -1)},`;
    for (const [index, array] of input.arrays.entries()) {
      yield `${index > 0 ? "," : ""}\n${JSON.stringify(array.key)}:[`;
      let isFirst = true;
      for await (const batch of array.batches) {
        rows += batch.length;
        let text = "";
        for (const record of batch) {
          text += `${isFirst ? "" : ","}\n${toJson(record)}`;
          isFirst = false;
        }
        yield text;
      }
      yield "\n]";
    }
    yield "}\n";
  }
  const bytes = await writeChunks(out, chunks(), options);
  return { rows, bytes };
}
