import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db";
import { env } from "../env";
import { assertLocalDatabase } from "./local-database-guard";
import { prepareTemplateDatabase, withDatabaseName } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    serverDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * Runs once per `vitest` run: finds a Postgres server (DATABASE_URL, else an embedded cluster
 * under .vigil-test/) and prepares the migrated template each test file's database is copied from.
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let serverUrl: string;
  const configured = env().DATABASE_URL;
  if (configured) {
    serverUrl = configured;
  } else {
    const embedded = await startEmbeddedPostgres(path.resolve(".vigil-test"));
    serverUrl = embedded.url;
    stop = embedded.stop;
  }
  assertLocalDatabase(serverUrl);
  const templateDatabase = await prepareTemplateDatabase(serverUrl);
  project.provide("serverDatabaseUrl", withDatabaseName(serverUrl, "postgres"));
  project.provide("templateDatabase", templateDatabase);
  return stop;
}
