import { PassThrough, Readable, type Writable } from "node:stream";

export type ExportFormat = "csv" | "xlsx" | "json" | "ndjson" | "pdf";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  pdf: "application/pdf",
};

/** A file name safe in a Content-Disposition header and on any file system: `vigil-review-12-snapshot-40.csv`. */
export function exportFileName(parts: ReadonlyArray<string | number>, format: ExportFormat): string {
  const stem = parts
    .map((part) =>
      String(part)
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter((part) => part !== "")
    .join("-")
    .slice(0, 180);
  return `${stem || "vigil-export"}.${format}`;
}

/**
 * A download whose body is written while it is sent: `write` gets a Node stream, the Response reads
 * it through Readable.toWeb, so the reader's pace is the writer's pace (backpressure) and a closed
 * tab stops the writer. A failure after the headers went out cuts the body short (the client sees
 * a broken download, never a half file presented as whole).
 */
export function streamingResponse(
  write: (out: Writable) => Promise<unknown>,
  file: { format: ExportFormat; fileName: string; headers?: Record<string, string> },
  onError?: (error: unknown) => void,
): Response {
  const body = new PassThrough();
  write(body).catch((error: unknown) => {
    onError?.(error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[file.format],
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...file.headers,
    },
  });
}
