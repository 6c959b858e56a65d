export { createDb, PrismaClient, type Db, type TransactionClient } from "./client";
export { applyMigrations, createMigration, type MigrateResult } from "./migrate";
export { getMigrationStatus, type MigrationStatus } from "./migration-status";
export { resolveDatabase, type ResolvedDatabase } from "./resolve-database";
export { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
export { findFreePort } from "./free-port";
export { poolConfigFromUrl } from "./pg-config";
export * as Prisma from "./generated/enums";
export { getDb, getServerDatabase } from "./server-db";
