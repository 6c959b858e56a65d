import type { Command } from "commander";
import { registerMigrateCommands } from "./migrate";

/** Every CLI command group, registered in the order `vigil --help` lists them. */
export function registerCommands(program: Command): void {
  registerMigrateCommands(program);
}
