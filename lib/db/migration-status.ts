import { readMigrationList, readSchemaFiles } from "./migration-files";
import { boundedPoolConfig, dbTimeoutsFromEnv } from "./db-timeouts";
import { withSchemaEngine } from "./schema-engine";

export type MigrationStatus = {
  isUpToDate: boolean;
  pendingMigrationNames: string[];
  failedMigrationNames: string[];
  problem?: string;
};

/** The same verdict `prisma migrate status` gives, without a shadow database. */
export async function getMigrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  const migrationsList = await readMigrationList();
  const schemaFiles = await readSchemaFiles();
  const output = await withSchemaEngine(
    databaseUrl,
    schemaFiles,
    (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      }),
    boundedPoolConfig(dbTimeoutsFromEnv()),
  );
  const history = output.history;
  const pending = history?.diagnostic === "databaseIsBehind" ? history.unappliedMigrationNames : [];
  const failed = output.failedMigrationNames ?? [];
  const problem = history && history.diagnostic !== "databaseIsBehind" ? history.diagnostic : undefined;
  return {
    isUpToDate: !history && failed.length === 0 && output.editedMigrationNames.length === 0,
    pendingMigrationNames: pending,
    failedMigrationNames: failed,
    problem: problem ?? (output.editedMigrationNames.length ? "migrations edited after apply" : undefined),
  };
}
