import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createLogger } from "@/lib/log";
import { describeActionFailure } from "./describe-action-failure";

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level: "info", destination }), lines };
}

const REQUEST_ID = "5b0f7a52-3c1e-4c53-9d55-2f3a1b4d6e7f";

describe("server action failures", () => {
  it("an unexpected error is logged with its stack under the request id, and the user sees only the id", () => {
    const { log, lines } = capturingLogger();
    const failure = describeActionFailure({
      action: "changeRole",
      error: new Error("connection to 10.0.0.5 lost"),
      requestId: REQUEST_ID,
      log,
    });
    expect(failure).toEqual({ error: "Something went wrong; nothing was changed.", requestId: REQUEST_ID });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, requestId: REQUEST_ID, action: "changeRole", msg: "server action failed" });
    expect((lines[0]?.err as { stack?: string }).stack).toContain("connection to 10.0.0.5 lost");
  });

  it("a refusal shows its reason with the request id and is logged as a warning", () => {
    const { log, lines } = capturingLogger();
    const conflict = describeActionFailure({
      action: "createUser",
      error: new AppError("CONFLICT", "already exists: username"),
      requestId: REQUEST_ID,
      log,
    });
    expect(conflict).toEqual({ error: "already exists: username", requestId: REQUEST_ID });
    const invalid = describeActionFailure({
      action: "createUser",
      error: z.object({ username: z.string().min(3) }).safeParse({ username: "x" }).error,
      requestId: REQUEST_ID,
      log,
    });
    expect(invalid.error).toContain("username");
    expect(lines.map((line) => [line.level, line.requestId, line.code])).toEqual([
      [40, REQUEST_ID, "CONFLICT"],
      [40, REQUEST_ID, "BAD_REQUEST"],
    ]);
  });
});
