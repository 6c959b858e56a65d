import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { WriteStream } from "node:fs";
import { link, lstat, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";

export type ExportFile = {
  /** where the bytes go: a fresh temporary file beside the output */
  stream: WriteStream;
  /** moves the finished file into place */
  commit: () => Promise<void>;
  /** removes the temporary file (after a failure) */
  abort: () => Promise<void>;
};

const outputExists = (output: string) => new AppError("CONFLICT", `${output} already exists; pass --force to replace it`);

/**
 * A file an export is written to. Exports are not secret (0644), but the file is written beside
 * its destination under a random name, created exclusively (so never through a planted symlink),
 * and moved into place only when complete: a failed export leaves no half file. Without `force`
 * an existing output is never replaced, even one created meanwhile (link fails on it); with
 * `force` a symlink at the output is itself replaced, never followed.
 */
export async function openExportFile(output: string, options: { force?: boolean } = {}): Promise<ExportFile> {
  const isForced = options.force ?? false;
  if (
    !isForced &&
    (await lstat(output).then(
      () => true,
      () => false,
    ))
  )
    throw outputExists(output);
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o644);
  const stream = handle.createWriteStream();
  const removeTemporary = () => unlink(temporary).catch(() => undefined);
  return {
    stream,
    abort: async () => {
      stream.destroy();
      await removeTemporary();
    },
    commit: async () => {
      if (!stream.closed) await once(stream, "close");
      if (isForced) return rename(temporary, output);
      try {
        await link(temporary, output);
      } catch (error) {
        await removeTemporary();
        if ((error as { code?: string }).code === "EEXIST") throw outputExists(output);
        throw error;
      }
      await removeTemporary();
    },
  };
}
