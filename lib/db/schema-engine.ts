import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { createMigrationAdapterFactory } from "./migration-adapter";

type SchemaEngineModule = typeof SchemaEngineWasm;

// On globalThis: the Next.js server bundles this file more than once (instrumentation, each route),
// but Node loads the wasm-bindgen glue once, and instantiating it twice corrupts the first engine.
const ENGINE_KEY = Symbol.for("vigil.schemaEngineModule");
type GlobalWithEngine = typeof globalThis & { [ENGINE_KEY]?: Promise<SchemaEngineModule> };

/**
 * Loads Prisma's WASM schema engine by instantiating the .wasm explicitly: the package's own entry
 * point uses an ESM `.wasm` import, which Node 20 only accepts behind --experimental-wasm-modules.
 */
function loadEngineModule(): Promise<SchemaEngineModule> {
  const holder = globalThis as GlobalWithEngine;
  holder[ENGINE_KEY] ??= (async () => {
    // Loaded by Node at run time, never bundled: inside the Next.js server bundle the wasm-bindgen
    // glue breaks (module ids for paths, "FnOnce called more than once").
    // A computed specifier: TypeScript types the module as `any`, which both uses below accept.
    const glue = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(enginePackageFile("schema_engine_bg.js")).href
    );
    const bindings: SchemaEngineModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void } = glue;
    const { instance } = await WebAssembly.instantiate(await readFile(enginePackageFile("schema_engine_bg.wasm")), {
      "./schema_engine_bg.js": glue,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return holder[ENGINE_KEY];
}

/**
 * A file of @prisma/schema-engine-wasm. In the Next.js server bundle require.resolve() yields a
 * module id rather than a path; the web server runs from the repository root, where node_modules is.
 */
function enginePackageFile(name: string): string {
  const resolved: unknown = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const directory =
    typeof resolved === "string" ? path.dirname(resolved) : path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm");
  return path.join(directory, name);
}

export type SchemaFile = { path: string; content: string };

/**
 * Runs `use` with a schema engine connected to `databaseUrl`, and always frees it. `poolConfig`
 * bounds its connections: a connect timeout always, statement timeouts only for read-only work,
 * since applying a migration (an index on a large table) may rightly take longer than any query.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[],
  use: (engine: SchemaEngine) => Promise<T>,
  poolConfig: pg.PoolConfig,
): Promise<T> {
  const engineModule = await loadEngineModule();
  const factory = createMigrationAdapterFactory(databaseUrl, poolConfig);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const engineLogs: string[] = [];
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
    (log: string) => engineLogs.push(log),
    adapterFactory,
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}
