import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type { SchemaFile } from "./schema-engine";

// Inside the Next.js server bundle import.meta.dirname is undefined; the web server runs from the
// repository root (vigil serve/demo start it there), so prisma/ is found from the working directory.
export const PRISMA_DIR = import.meta.dirname ? path.resolve(import.meta.dirname, "../../prisma") : path.join(process.cwd(), "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_DIR = path.join(PRISMA_DIR, "schema");
const LOCKFILE = "migration_lock.toml";

/** Reads `prisma/migrations` in the shape Prisma's schema engine expects, as `prisma migrate` does. */
export async function readMigrationList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  // turbopackIgnore: read from the checkout at run time; tracing it would pull in the whole project.
  const entries = await readdir(/* turbopackIgnore: true */ migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfileContent = await readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (sql) => ({ tag: "ok" as const, value: sql }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  } as MigrationList;
}

export async function readSchemaFiles(schemaDir = SCHEMA_DIR): Promise<SchemaFile[]> {
  const names = (await readdir(/* turbopackIgnore: true */ schemaDir)).filter((name) => name.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(schemaDir, name);
      await stat(file);
      return { path: file, content: await readFile(file, "utf8") };
    }),
  );
}
