import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { createMigrationAdapterFactory } from "./migration-adapter";

type SchemaEngineModule = typeof SchemaEngineWasm;

let enginePromise: Promise<SchemaEngineModule> | undefined;

/**
 * Loads Prisma's WASM schema engine by instantiating the .wasm explicitly: the package's own entry
 * point uses an ESM `.wasm` import, which Node 20 only accepts behind --experimental-wasm-modules.
 */
function loadEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const bindings = (await import(
      "@prisma/schema-engine-wasm/schema_engine_bg"
    )) as unknown as SchemaEngineModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    const require = createRequire(import.meta.url);
    const wasmPath = require
      .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
      .replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return enginePromise;
}

export type SchemaFile = { path: string; content: string };

/** Runs `use` with a schema engine connected to `databaseUrl`, and always frees it. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[],
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const engineModule = await loadEngineModule();
  const factory = createMigrationAdapterFactory(databaseUrl);
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
