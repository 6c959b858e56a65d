import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { EnvError } from "../lib/env";
import { registerCommands } from "./commands";
import { keepExitCodeThroughExitHooks } from "./keep-exit-code";

/** Exit codes: 0 ok, 1 the command failed, 2 bad usage (unknown flag, missing argument). */
export const EXIT_USAGE = 2;

export function buildProgram(): Command {
  const program = new Command("vigil")
    .description("Vigil — access audit and break-glass console for AWS organizations")
    .version(packageVersion(), "-V, --version", "print Vigil's version")
    .showHelpAfterError(false)
    // A command's own options stop at its subcommand's name (`vigil drift --format` vs `vigil drift report --format`).
    .enablePositionalOptions()
    .configureOutput({
      // One line, no help dump: scripts read the first line of stderr.
      outputError: (message, write) => write(message.split("\n")[0] + "\n"),
    });
  registerCommands(program);
  applyToAll(program, (command) => command.exitOverride());
  return program;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: unknown };
  if (typeof manifest.version !== "string") throw new Error("package.json has no version");
  return manifest.version;
}

function applyToAll(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyToAll(sub, apply);
}

export async function runCli(argv: string[]): Promise<void> {
  keepExitCodeThroughExitHooks();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const isHelp = error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version";
      process.exit(isHelp ? 0 : EXIT_USAGE);
    }
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
    process.stderr.write(`vigil: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
