import { readFileSync } from "node:fs";
import { CommanderError } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { env, setRuntimeEnv } from "../lib/env";
import { buildProgram } from "./main";

const MANIFEST = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

async function parseError(argv: string[]): Promise<CommanderError> {
  const program = buildProgram();
  const written: string[] = [];
  program.configureOutput({ writeOut: (text) => written.push(text), writeErr: (text) => written.push(text) });
  const error = await program.parseAsync(["node", "vigil", ...argv]).then(
    () => new Error("the command ran instead of stopping"),
    (reason: unknown) => reason,
  );
  if (!(error instanceof CommanderError)) throw error;
  error.message = error.message || written.join("");
  return Object.assign(error, { written: written.join("") });
}

describe("vigil command line", () => {
  const originalDatabaseUrl = env().DATABASE_URL;
  afterEach(() => setRuntimeEnv("DATABASE_URL", originalDatabaseUrl ?? ""));

  it("vigil --version prints package.json's version", async () => {
    const error = await parseError(["--version"]);
    expect(error.code).toBe("commander.version");
    expect((error as CommanderError & { written: string }).written).toBe(`${MANIFEST.version}\n`);
  });

  it("an unknown flag is still a usage error", async () => {
    const error = await parseError(["demo", "--no-such-flag"]);
    expect(error.code).toBe("commander.unknownOption");
  });

  it("vigil demo refuses a DATABASE_URL it did not start, with exit code 2, naming --force and not the password", async () => {
    // Port 1 on loopback: nothing listens, so a demo that did not refuse fails fast instead of running.
    setRuntimeEnv("DATABASE_URL", "postgres://vigil:s3cret-pw@127.0.0.1:1/vigil_prod");
    const error = await parseError(["demo"]);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("DATABASE_URL is set (127.0.0.1:1/vigil_prod)");
    expect(error.message).toContain("--force");
    expect(error.message).not.toContain("s3cret-pw");
  });
});
