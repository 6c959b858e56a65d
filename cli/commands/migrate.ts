import type { Command } from "commander";
import { applyMigrations, createMigration, resolveDatabase } from "../../lib/db";

export function registerMigrateCommands(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (also done automatically at start-up)")
    .action(async () => {
      const database = await resolveDatabase();
      try {
        const { appliedMigrationNames } = await applyMigrations(database.url);
        console.log(
          appliedMigrationNames.length
            ? `applied ${appliedMigrationNames.length} migration(s): ${appliedMigrationNames.join(", ")}`
            : "database is up to date",
        );
      } finally {
        await database.stop();
      }
    });

  program
    .command("migration")
    .description("create a migration from changes to prisma/schema (offline, Prisma's WASM engine)")
    .argument("<name>", "migration name (letters, digits, underscores)")
    .action(async (name: string) => {
      const database = await resolveDatabase();
      try {
        const created = await createMigration(database.url, name);
        console.log(created.directory ? `created ${created.directory}` : "schema unchanged: no migration created");
      } finally {
        await database.stop();
      }
    });
}
