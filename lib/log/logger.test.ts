import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: "info", destination }), lines };
}

const SECRET = "hunter2-super-secret";

describe("logger", () => {
  it("redacts secret-bearing keys at any of the first levels of a logged object", () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        password: SECRET,
        user: { name: "alice", totpSecret: SECRET, session: { token: SECRET } },
        credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: SECRET, sessionToken: SECRET },
        req: { headers: { authorization: `Bearer ${SECRET}`, cookie: `s=${SECRET}`, "set-cookie": SECRET } },
        secret: SECRET,
      },
      "signed in",
    );
    const output = JSON.stringify(lines);
    expect(output).not.toContain(SECRET);
    expect(lines[0]).toMatchObject({
      msg: "signed in",
      password: "[Redacted]",
      user: { name: "alice", totpSecret: "[Redacted]" },
      credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "[Redacted]" },
    });
  });

  it("keeps host and database of a connection string but masks its password", () => {
    const { logger, lines } = captureLogger();
    const url = `postgresql://vigil:${SECRET}@db.internal:5432/vigil`;
    logger.info({ databaseUrl: url, db: { DATABASE_URL: url } }, `connecting to ${url}`);
    const output = JSON.stringify(lines);
    expect(output).not.toContain(SECRET);
    expect(lines[0]?.databaseUrl).toBe("postgresql://vigil:[Redacted]@db.internal:5432/vigil");
    expect(lines[0]?.msg).toBe("connecting to postgresql://vigil:[Redacted]@db.internal:5432/vigil");
  });

  it("masks credentials quoted in a logged error's message and stack", () => {
    const { logger, lines } = captureLogger();
    const error = new Error(`connect ECONNREFUSED postgres://vigil:${SECRET}@127.0.0.1:1/vigil`);
    logger.error({ err: error }, "database unreachable");
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    expect(String((lines[0]?.err as { message: string }).message)).toContain("postgres://vigil:[Redacted]@");
  });

  it("tags child loggers with their component", () => {
    const { logger, lines } = captureLogger();
    logger.child({ component: "worker" }).warn({ token: SECRET }, "beat");
    expect(lines[0]).toMatchObject({ component: "worker", token: "[Redacted]", level: 40 });
  });
});
